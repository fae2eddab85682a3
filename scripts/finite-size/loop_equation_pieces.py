import numpy as np
R=0.6; s=R*R; q=1-s; rng=np.random.default_rng(3)
for zd in (False,True):
    vth = 2*s*(2-s)/q**4 if not zd else 4*s*s/q**3+2*s*s/q**4
    gth = s/q if not zd else s*s/q
    bth = s*(7*s+6)/q**6 if not zd else s*(2*s*s+15*s-4)/q**6
    for n in (100,200,400):
        m=40000//n; g=[];v=[];b=[]
        for k in range(m):
            W=rng.standard_normal((n,n))*R/np.sqrt(n)
            if zd: np.fill_diagonal(W,0)
            G=np.linalg.inv(np.eye(n)-W); C=G@G.T; d=np.diag(C)
            g.append(n*(np.trace(G)/n-1)); v.append(n*d.var()); b.append(n*((C*C).sum()/n - q**-4))
        f=lambda x: f"{np.mean(x):.3f}±{np.std(x)/np.sqrt(m):.3f}"
        print(f"zd={zd} N={n}: N(tauG-1) {f(g)} th {gth:.3f} | N var_i c_ii {f(v)} th {vth:.3f} | N(trC2/N-b0) {f(b)} th {bth:.3f}",flush=True)
