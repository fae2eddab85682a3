package org.chaoslab.sim.binary;

import org.chaoslab.model.BalancedNetwork;
import org.chaoslab.model.Validate;
import org.chaoslab.random.StreamSeeds;

/**
 * A balanced binary network (van Vreeswijk &amp; Sompolinsky, Neural Computation 10:1321 (1998)) advanced event by event
 * up to any time, whose drive may change while it runs, for interactive use (the explorer): the event loop of
 * {@link BalancedSimulator} with one replica, driven from outside instead of over a fixed duration.
 *
 * <p>Streams under the master seed: {@code connectivity/unit/i} ({@link BalancedGraph#realize}),
 * {@code initial/replica/0} (each unit active with probability {@code initialActivity}) and {@code updates} (the
 * Poisson update times and units, {@link PoissonEvents}): those of {@link BalancedSimulator} with one replica and the
 * Poisson schedule, so until the first {@link #retune} the trajectory is that of {@code simulate balanced --replicas 1}
 * with the same seed and initial activity (its transient included: time runs from 0 here). {@link #retune} changes the
 * constant input √K E_k m0 − θ_k of every unit (the external rate m0, the drive factors E_k, the thresholds θ_k) and
 * keeps the state, the couplings and the update stream; a new N_E, N_I, K, couplings, update intervals or connectivity
 * is a new network ({@link #start}).
 *
 * <p>Not thread-safe: one thread advances, retunes and reads it.
 */
public final class LiveBalancedNetwork {

    /** Receives the state changes of {@link #advanceTo}. */
    @FunctionalInterface
    public interface Transitions {

        /** Unit i changed its state to {@code active} at time t. */
        void transition(int i, double t, boolean active);
    }

    private final long seed;
    private final double initialActivity;
    private final BalancedGraph graph;
    private final BalancedReplicas replicas;
    private final PoissonEvents events;
    private BalancedNetwork network;
    /** The drawn event not yet applied: its time and unit. */
    private double nextTime;
    private int nextUnit;
    private double time;

    private LiveBalancedNetwork(BalancedNetwork network, long seed, double initialActivity) {
        this.network = network;
        this.seed = seed;
        this.initialActivity = initialActivity;
        StreamSeeds root = StreamSeeds.of(seed);
        this.graph = BalancedGraph.realize(network, root);
        this.replicas = new BalancedReplicas(network, graph, 1);
        replicas.initialize(root, initialActivity, false);
        this.events = new PoissonEvents(network, root.child("updates").provider());
        draw();
    }

    /**
     * Draws the connectivity of {@code network} from {@code seed} and starts it at time 0.
     *
     * @param initialActivity the probability that a unit starts active, in [0, 1]
     */
    public static LiveBalancedNetwork start(BalancedNetwork network, long seed, double initialActivity) {
        if (!(initialActivity >= 0 && initialActivity <= 1)) {
            throw new IllegalArgumentException("initialActivity must be in [0, 1] (got " + initialActivity + ")");
        }
        return new LiveBalancedNetwork(network, seed, initialActivity);
    }

    /**
     * Applies every update event at a time before {@code t} (the state at t, as {@link BalancedSimulator} samples it);
     * each change of state is passed to {@code transitions} (null: none).
     */
    public void advanceTo(double t, Transitions transitions) {
        Validate.finite("t", t);
        while (nextTime < t) {
            int i = nextUnit;
            if (replicas.update(i) && transitions != null) {
                transitions.transition(i, nextTime, replicas.first().sigma[i] == 1);
            }
            draw();
        }
        time = Math.max(time, t);
    }

    private void draw() {
        nextTime = events.next();
        nextUnit = events.unit();
    }

    /**
     * Applies a new drive to the running state: {@code next} may differ from the current description in m0, the
     * external drive factors and the thresholds only.
     *
     * @throws IllegalArgumentException when anything else differs (a new network is needed)
     */
    public void retune(BalancedNetwork next) {
        BalancedNetwork same = next.withM0(network.m0());
        BalancedNetwork now = new BalancedNetwork(network.nE(), network.nI(), network.k(), network.jEE(), network.jEI(),
                network.jIE(), network.jII(), next.extE(), next.extI(), next.thetaE(), next.thetaI(), network.tauE(),
                network.tauI(), network.m0(), network.connectivity());
        if (!same.equals(now)) {
            throw new IllegalArgumentException("a running balanced network changes only its drive (m0, the external drive "
                    + "factors, the thresholds); another N_E, N_I, K, coupling, update interval or connectivity is a new network");
        }
        replicas.drive(next);
        network = next;
    }

    /** The current description. */
    public BalancedNetwork network() {
        return network;
    }

    /** The master seed. */
    public long seed() {
        return seed;
    }

    /** The probability a unit started active with. */
    public double initialActivity() {
        return initialActivity;
    }

    /** The connectivity. */
    public BalancedGraph graph() {
        return graph;
    }

    /** The time reached (units of τ_E). */
    public double time() {
        return time;
    }

    /** Unit updates applied so far. */
    public long updates() {
        return replicas.updates();
    }

    /** Number of units N_E + N_I (E units are 0 … N_E − 1). */
    public int size() {
        return network.size();
    }

    /** Whether unit i is active. */
    public boolean active(int i) {
        return replicas.first().sigma[i] == 1;
    }

    /** The population rate m_k(t), the fraction of active units of population {@code pop}. */
    public double rate(int pop) {
        BinaryState s = replicas.first();
        return pop == BalancedNetwork.E ? (double) s.activeE / network.nE() : (double) s.activeI / network.nI();
    }

    /** The recurrent excitatory input Σ_{j∈E} J_kE/√K σ_j of unit i (van Vreeswijk &amp; Sompolinsky 1998, eq. 2.3). */
    public double excitatoryInput(int i) {
        return replicas.first().excitatory(i);
    }

    /** The recurrent inhibitory input Σ_{j∈I} J_kI/√K σ_j of unit i (negative). */
    public double inhibitoryInput(int i) {
        return replicas.first().inhibitory(i);
    }

    /** The external input √K E_k m0 of unit i. */
    public double externalInput(int i) {
        int pop = i < network.nE() ? BalancedNetwork.E : BalancedNetwork.I;
        return Math.sqrt(network.k()) * network.external(pop) * network.m0();
    }

    /** The threshold θ_k of unit i. */
    public double threshold(int i) {
        return network.threshold(i < network.nE() ? BalancedNetwork.E : BalancedNetwork.I);
    }

    /** The total input u_i = excitatory + inhibitory + external − θ_k; the unit becomes active at its update when u &gt; 0. */
    public double input(int i) {
        return replicas.first().input(i);
    }
}
