import numpy as np, sys
def stats(C):
    n=C.shape[0]; d=np.diag(C); tr=d.sum(); tr2=(C*C).sum()
    off=(C.sum()-tr)/(n*(n-1)); var=(tr2-(d*d).sum())/(n*(n-1))-off**2
    return tr/n, off, n*var, tr*tr/tr2/n
def theory(s,n,zd):
    q=1-s
    if not zd:
        a=(1+2*s/(n*q*q))/q; nv=(1/q**4-1/q**2)+s*s*(s*s-8*s+20)/(n*q**6); pr=q*q*(1-s*(7*s+2)/(n*q*q))
    else:
        a=(1+s*(3*s-1)/(n*q*q))/q; nv=(1/q**4-1/q**2)+s*s*(4*s**3-21*s*s+36*s-6)/(n*q**6); pr=q*q*(1-s*(2*s*s+9*s-2)/(n*q*q))
    return a,0.0,nv,pr
if __name__=="__main__":
    R=float(sys.argv[1]); zd=sys.argv[2]=='zd'; total=int(sys.argv[3])
    s=R*R; rng=np.random.default_rng(int(R*100)+zd)
    inf=theory(s,10**18,zd)
    for n in [25,50,100,200,400]:
        m=max(total//n,20)
        out=np.empty((m,4))
        for k in range(m):
            W=rng.standard_normal((n,n))*R/np.sqrt(n)
            if zd: np.fill_diagonal(W,0)
            G=np.linalg.inv(np.eye(n)-W); out[k]=stats(G@G.T)
        mean=out.mean(0); se=out.std(0,ddof=1)/np.sqrt(m); med=np.median(out,0)
        th=theory(s,n,zd)
        line=f"R={R} zd={zd} N={n} M={m}"
        for j,nm in enumerate(['a','off','NVar','PR/N']):
            if j==1:
                line+=f" | off {mean[j]:.2e}±{se[j]:.1e}"; continue
            coef_meas=n*(mean[j]-inf[j]); coef_se=n*se[j]; coef_th=n*(th[j]-inf[j])
            line+=f" | {nm} N(x-inf)={coef_meas:.3f}±{coef_se:.3f} th {coef_th:.3f}"
        print(line,flush=True)
