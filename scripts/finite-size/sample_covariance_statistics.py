import numpy as np, sys, json
from mc import stats, theory
R=float(sys.argv[1]); zd=sys.argv[2]=='zd'; total=int(sys.argv[3]); seed=int(sys.argv[4])
s=R*R; rng=np.random.default_rng(seed)
res={}
for n in [25,50,100,200,400]:
    m=max(total//n,20)
    out=np.empty((m,4))
    for k in range(m):
        W=rng.standard_normal((n,n))*R/np.sqrt(n)
        if zd: np.fill_diagonal(W,0)
        G=np.linalg.inv(np.eye(n)-W); out[k]=stats(G@G.T)
    res[n]=out.tolist()
json.dump(res,open(f'raw_{R}_{sys.argv[2]}_{seed}.json','w'))
