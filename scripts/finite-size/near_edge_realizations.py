import numpy as np, sys, json
from mc import stats
R=0.9; rng=np.random.default_rng(int(sys.argv[2]))
n=int(sys.argv[1]); m=int(sys.argv[3]); out=[]
for k in range(m):
    W=rng.standard_normal((n,n))*R/np.sqrt(n)
    G=np.linalg.inv(np.eye(n)-W); out.append(stats(G@G.T))
    json.dump(out,open(f'r9_{n}_{sys.argv[2]}.json','w'))
