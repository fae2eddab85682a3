import numpy as np
from mc import stats, theory
from ana import fit
for R in (0.3,0.6):
    s=R*R; rng=np.random.default_rng(11)
    ns=[50,100,200,400]; ys=[[],[],[]]; ses=[[],[],[]]
    kd=[n*(np.array(theory(s,1,False))-np.array(theory(s,1,True))) for n in [1]][0]  # kappa_kept - kappa_zero (n=1 gives x_inf+kappa, difference = kappa diff)
    for n in ns:
        m=120000//n; d=[]
        for k in range(m):
            W=rng.standard_normal((n,n))*R/np.sqrt(n)
            G=np.linalg.inv(np.eye(n)-W); a=np.array(stats(G@G.T))
            np.fill_diagonal(W,0); G=np.linalg.inv(np.eye(n)-W); z=np.array(stats(G@G.T))
            d.append(n*(a-z))
        d=np.array(d)
        for i,j in enumerate([0,2,3]):
            ys[i].append(d[:,j].mean()); ses[i].append(d[:,j].std()/np.sqrt(m))
    for i,nm in enumerate(['a','NVar','PR/N']):
        j=[0,2,3][i]
        b,e,chi=fit(ns,ys[i],ses[i],1)
        print(f"R={R} {nm}: N(kept-zero) per N "+" ".join(f"{y:.4f}±{se:.4f}" for y,se in zip(ys[i],ses[i]))+f" | fit kappa diff {b[0]:.4f}±{e[0]:.4f} derived {kd[j]:.4f} (z {(b[0]-kd[j])/e[0]:.2f}) chi2 {chi:.1f}/2",flush=True)
