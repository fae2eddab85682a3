import numpy as np, json, sys, glob
from mc import theory
def fit(ns,y,se,deg=1):
    X=np.array([[n**(-p) for p in range(deg+1)] for n in ns],float); w=1/np.array(se)**2
    A=X.T@(X*w[:,None]); beta=np.linalg.solve(A,X.T@(w*np.array(y))); cov=np.linalg.inv(A)
    chi2=np.sum(w*(np.array(y)-X@beta)**2)
    return beta,np.sqrt(np.diag(cov)),chi2
if __name__=="__main__":
  for f in sorted(sys.argv[1:]):
      R=float(f.split('_')[1]); zd=f.split('_')[2]=='zd'; s=R*R
      raw=json.load(open(f)); inf=theory(s,10**18,zd)
      print(f"=== R={R} {'zero diag' if zd else 'diag kept'}")
      for j,nm in [(0,'a'),(2,'NVar'),(3,'PR/N')]:
          ns=[];ys=[];ses=[];th1=None
          row=f"{nm:5s}"
          for n,arr in raw.items():
              n=int(n); x=np.array(arr)[:,j]; m=len(x)
              y=n*(x.mean()-inf[j]); se=n*x.std(ddof=1)/np.sqrt(m)
              # median of means over 10 groups
              mom=np.median(x[:m//10*10].reshape(10,-1).mean(1)); 
              th1=n*(theory(s,n,zd)[j]-inf[j])
              ns.append(n);ys.append(y);ses.append(se)
              row+=f" N={n}: {y:8.3f}±{se:.3f} (MoM {n*(mom-inf[j]):8.3f})"
          b,e,chi=fit(ns,ys,ses,1)
          b2,e2,chi2=fit(ns,ys,ses,2)
          print(row); print(f"      derived coeff {th1:.4f} | fit c1+c2/N: c1={b[0]:.4f}±{e[0]:.4f} (z {(b[0]-th1)/e[0]:.2f}) c2={b[1]:.2f}±{e[1]:.2f} chi2={chi:.1f}/3 | quad c1={b2[0]:.4f}±{e2[0]:.4f} (z {(b2[0]-th1)/e2[0]:.2f})")
