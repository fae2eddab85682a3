import sympy as sp
s,e=sp.symbols('s epsilon')  # epsilon = 1/N
q=1-s
def solve(zd):
    # unknowns at O(1/N): g1,a,g2,m3,b
    G1,A,G2,M3,B=[x0+e*sp.Symbol(n) for x0,n in [(1,'g1'),(1/q,'a1'),(1,'g21'),(q**-2,'m31'),(q**-4,'b1')]]
    a0=1/q; m30=q**-2; b0=q**-4; tau5=(1+s)/q**5; gGs3=q**-3
    # planar tau values used in zero-diagonal corrections: sum over all factor positions tau(A X) tau(X B)
    eqs=[]
    # g1 = 1 + tau(W G); twisted p=1: tau(G* G)=a
    zdc = lambda terms: (-s*e*sum(terms)) if zd else 0
    eqs.append(sp.Eq(G1, 1 + s*e*a0 + zdc([1*1])))
    # a = g1 + tau(W G G*): G at 1 twisted tau(G* G G*)=m3; G* at 2: s tau(GG*) tau(G*)
    eqs.append(sp.Eq(A, G1 + s*e*m30 + s*A*G1 + zdc([1*a0, a0*1])))
    # g2 = g1 + tau(W G G): twisted p=1 tau(G* G G)=m3, p=2 tau(G* G* G)=m3
    eqs.append(sp.Eq(G2, G1 + 2*s*e*m30 + zdc([1*1, 1*1])))
    # m3 = tau(G*G*) + tau(W G G* G*): p1 twisted tau(G*GG*G*)=q^-3; p2 s a g2; p3 s m3 g1
    eqs.append(sp.Eq(M3, G2 + s*e*gGs3 + s*A*G2 + s*M3*G1 + zdc([1*m30, a0*1, m30*1])))
    # b = m3 + tau(W G G* G G*): p1,p3 twisted tau5; p2 s a m3; p4 s b g1
    eqs.append(sp.Eq(B, M3 + 2*s*e*tau5 + s*A*M3 + s*B*G1 + zdc([1*b0, a0*m30, m30*a0, b0*1])))
    unk=sp.symbols('g1 a1 g21 m31 b1')
    lin=[sp.expand(sp.series(eq.lhs-eq.rhs,e,0,2).removeO().coeff(e,1)) for eq in eqs]
    sol=sp.solve(lin,unk,dict=True)[0]
    return {k:sp.factor(v) for k,v in sol.items()}
for zd in (False,True):
    sol=solve(zd)
    a0=1/q; b0=q**-4
    a1=sol[sp.Symbol('a1')]; b1=sol[sp.Symbol('b1')]
    v = (4*s*a0**3 if not zd else 4*s**2*a0**3) + 2*s**2*b0
    nvar1 = sp.factor(b1 - 2*a0*a1 - v + (b0-a0**2))
    pr1 = sp.factor(2*a1/a0 - b1/b0)
    print('zeroDiag' if zd else 'diag kept')
    print('  a1 =',a1,'  rel a1/a0=',sp.factor(a1/a0))
    print('  b1 =',b1,'  rel=',sp.factor(b1/b0))
    print('  v  =',sp.factor(v))
    print('  NVar1 =',nvar1, ' rel to NVar0:',sp.factor(nvar1/(b0-a0**2)))
    print('  PR rel coeff =',pr1)
    print('  normalized var NVar/a^2 coeff', sp.factor((nvar1 - (b0-a0**2)*2*a1/a0)/a0**2))
