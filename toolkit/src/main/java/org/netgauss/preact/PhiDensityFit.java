package org.netgauss.preact;

import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.special.Erf;

/**
 * Step A of the construction of phi_theta for any theta &gt; 2: fit the four parameters
 * (alpha_g, lambda1, lambda2, gamma) of the density g of |phi_theta(xi)| ({@link PhiDensity}) so that the
 * survival of |W||Y| matches that of |N(0,1)| (Wolinski &amp; Arbel 2025; spec
 * {@code docs/spec/gaussian-preact.md} 1.4).
 *
 * <p>Criterion: the authors' L_inf = max over z in linspace(0, 5, 200), z = 0 excluded (they pin S(0)),
 * of |S(z) - erfc(z/sqrt 2)|. Optimiser: where the authors used Adam on a differentiable trapezoid
 * integral with a theta' annealing schedule, this uses Nelder-Mead on the log-parameters of the exact
 * minimax criterion, started from the tabulated fit at the nearest theta (or, outside [2.05, 10], at the
 * nearest end; parameters vary slowly with theta). The fitted g is close to, not equal to, the authors' one.
 *
 * @param density the fitted density
 * @param lossWithoutZero the minimised criterion (z &gt; 0)
 * @param lInfLoss the criterion with z = 0 included, comparable with the table in docs/spec/gaussian-preact.md §1.5
 * @param evaluations number of criterion evaluations
 */
public record PhiDensityFit(PhiDensity density, double lossWithoutZero, double lInfLoss, int evaluations) {

    /** Fits g for the given theta &gt; 2 with at most 3000 evaluations. */
    public static PhiDensityFit fit(double theta) {
        return fit(theta, 3000);
    }

    /**
     * Fits g for the given theta &gt; 2 with at most {@code maxEvaluations} criterion evaluations (each about
     * 5 ms); when the budget runs out, the best point so far is returned.
     */
    public static PhiDensityFit fit(double theta, int maxEvaluations) {
        if (!(theta > 2) || Double.isInfinite(theta)) {
            throw new IllegalArgumentException("phi_theta exists only for finite theta > 2, found " + theta);
        }
        PhiDensity start = nearestTabulated(theta);
        double[] z = new double[199];
        double[] target = new double[199];
        for (int i = 0; i < z.length; i++) {
            z[i] = 5.0 * (i + 1) / 199;
            target[i] = Erf.erfc(z[i] / Math.sqrt(2));
        }
        double[] x0 = {Math.log(start.alphaG()), Math.log(start.lambda1()), Math.log(start.lambda2()),
            Math.log(start.gamma())};
        // the best point is tracked here because Commons Math's optimiser throws, without it, at the budget
        double[][] bestPoint = {x0.clone()};
        double[] bestValue = {Double.POSITIVE_INFINITY};
        int[] count = {0};
        ObjectiveFunction objective = new ObjectiveFunction(p -> {
            count[0]++;
            PhiDensity g = fromLog(theta, p);
            double[] s = g.productSurvival(z);
            double worst = 0;
            for (int i = 0; i < s.length; i++) {
                worst = Math.max(worst, Math.abs(s[i] - target[i]));
            }
            if (worst < bestValue[0]) {
                bestValue[0] = worst;
                bestPoint[0] = p.clone();
            }
            return worst;
        });
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-9, 1e-12);
        try {
            optimizer.optimize(new MaxEval(maxEvaluations), objective, GoalType.MINIMIZE,
                    new InitialGuess(x0), new NelderMeadSimplex(new double[] {0.05, 0.05, 0.05, 0.05}));
        } catch (TooManyEvaluationsException budgetReached) {
            // keep the best point found within the budget
        }
        PhiDensity g = fromLog(theta, bestPoint[0]);
        return new PhiDensityFit(g, bestValue[0], g.lInfLoss(), count[0]);
    }

    private static PhiDensity fromLog(double theta, double[] p) {
        return new PhiDensity(theta, Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2]), Math.exp(p[3]), 1.0);
    }

    private static PhiDensity nearestTabulated(double theta) {
        double best = Double.NaN;
        for (double t : PhiDensity.tabulatedThetas()) {
            if (Double.isNaN(best) || Math.abs(t - theta) < Math.abs(best - theta)) {
                best = t;
            }
        }
        PhiDensity d = PhiDensity.tabulated(best);
        return new PhiDensity(theta, d.alphaG(), d.lambda1(), d.lambda2(), d.gamma(), 1.0);
    }
}
