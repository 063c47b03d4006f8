package org.netgauss.pigmm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IrrepBasisTest {

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    private static List<double[]> explicitVectors(int d) {
        List<double[]> e = new ArrayList<>();
        e.add(IrrepBasis.e01(d));
        e.add(IrrepBasis.e02(d));
        for (double[] v : IrrepBasis.helmert(d)) {
            e.add(IrrepBasis.column(v, d));
            e.add(IrrepBasis.row(v, d));
            e.add(IrrepBasis.diagonal(v, d));
        }
        return e;
    }

    @Test
    void explicitBasisVectorsAreOrthonormalAndOrthogonalToV2AndV3() {
        // docs/spec/pigmm.md §2.3: the 2 + 3(D-1) explicit vectors are orthonormal and P2, P3 annihilate them
        for (int d : new int[] {4, 5, 7}) {
            List<double[]> e = explicitVectors(d);
            for (int a = 0; a < e.size(); a++) {
                for (int b = 0; b < e.size(); b++) {
                    assertEquals(a == b ? 1 : 0, dot(e.get(a), e.get(b)), 1e-13);
                }
                assertEquals(0, IrrepQuadratics.squaredNorm(IrrepBasis.projectV2(e.get(a), d)), 1e-24);
                assertEquals(0, IrrepQuadratics.squaredNorm(IrrepBasis.projectV3(e.get(a), d)), 1e-24);
            }
        }
    }

    @Test
    void projectorsAreIdempotentWithTheIrrepDimensionsAsRank() {
        // docs/spec/pigmm.md §2.2: dim V2 = D(D-3)/2, dim V3 = (D-1)(D-2)/2; trace of a projector = its rank
        int d = 6;
        double tr2 = 0;
        double tr3 = 0;
        for (int k = 0; k < d * d; k++) {
            double[] unit = new double[d * d];
            unit[k] = 1;
            tr2 += IrrepBasis.projectV2(unit, d)[k];
            tr3 += IrrepBasis.projectV3(unit, d)[k];
        }
        assertEquals(IrrepBasis.dimV2(d), tr2, 1e-12);
        assertEquals(IrrepBasis.dimV3(d), tr3, 1e-12);
        double[] m = Fixtures.randomMatrix(d, new SplittableRandom(1));
        double[] p2 = IrrepBasis.projectV2(m, d);
        double[] p22 = IrrepBasis.projectV2(p2, d);
        for (int k = 0; k < d * d; k++) {
            assertEquals(p2[k], p22[k], 1e-12);
        }
    }

    @Test
    void quadraticsOfMatrixAMatchSpecTestVector() {
        // docs/spec/pigmm.md §5.2, single matrix A at D = 5
        IrrepQuadratics q = IrrepQuadratics.of(Fixtures.matrixA(), 5);
        assertEquals(0.4, q.s01(), 1e-12);
        assertEquals(-1.2, q.s02(), 1e-12);
        assertEquals(7.84, q.qcc(), 1e-12);
        assertEquals(-3.36, q.qcr(), 1e-12);
        assertEquals(7.11295532, q.qcd(), 1e-8);
        assertEquals(24.24, q.qrr(), 1e-12);
        assertEquals(6.30466494, q.qrd(), 1e-8);
        assertEquals(11.38666667, q.qdd(), 1e-8);
        assertEquals(29.33333333, q.q2(), 1e-8);
        assertEquals(19.6, q.q3(), 1e-12);
        assertEquals(94, q.total(), 1e-12);
    }

    @Test
    void quadraticsEqualExplicitHelmertComponents() {
        // route 1: closed forms without Helmert vectors; route 2: explicit components <E^{a,m}, M> (docs/spec/pigmm.md §2.3)
        int d = 7;
        double[] m = Fixtures.randomMatrix(d, new SplittableRandom(3));
        double qcc = 0;
        double qcr = 0;
        double qcd = 0;
        double qrr = 0;
        double qrd = 0;
        double qdd = 0;
        for (double[] v : IrrepBasis.helmert(d)) {
            double c = dot(IrrepBasis.column(v, d), m);
            double r = dot(IrrepBasis.row(v, d), m);
            double g = dot(IrrepBasis.diagonal(v, d), m);
            qcc += c * c;
            qcr += c * r;
            qcd += c * g;
            qrr += r * r;
            qrd += r * g;
            qdd += g * g;
        }
        IrrepQuadratics q = IrrepQuadratics.of(m, d);
        assertEquals(qcc, q.qcc(), 1e-11);
        assertEquals(qcr, q.qcr(), 1e-11);
        assertEquals(qcd, q.qcd(), 1e-11);
        assertEquals(qrr, q.qrr(), 1e-11);
        assertEquals(qrd, q.qrd(), 1e-11);
        assertEquals(qdd, q.qdd(), 1e-11);
        assertEquals(IrrepQuadratics.squaredNorm(m), q.total(), 1e-10);
    }

    @Test
    void quadraticsEqualSpecInvariantFormulas() {
        // docs/spec/pigmm.md §2.4: q's as linear combinations of I1..I13
        for (int d : new int[] {4, 6, 10}) {
            double[] m = Fixtures.randomMatrix(d, new SplittableRandom(d));
            double[] in = Fixtures.quadraticInvariants(m, d);
            double i3 = in[2], i4 = in[3], i5 = in[4], i6 = in[5], i7 = in[6], i8 = in[7], i9 = in[8], i10 = in[9],
                    i11 = in[10], i12 = in[11], i13 = in[12];
            double dd = d;
            IrrepQuadratics q = IrrepQuadratics.of(m, d);
            assertEquals((dd * i8 - i10) / (dd * dd), q.qcc(), 1e-10);
            assertEquals((dd * i7 - i10) / (dd * dd), q.qrr(), 1e-10);
            assertEquals((dd * i9 - i10) / (dd * dd), q.qcr(), 1e-10);
            assertEquals((dd * dd * i6 - dd * i8 - dd * i9 + 2 * i10 - dd * i13) / (dd * dd * Math.sqrt(dd - 2)),
                    q.qcd(), 1e-10);
            assertEquals((dd * dd * i5 - dd * i7 - dd * i9 + 2 * i10 - dd * i13) / (dd * dd * Math.sqrt(dd - 2)),
                    q.qrd(), 1e-10);
            assertEquals((dd * dd * dd * i11 - 2 * dd * dd * (i5 + i6) + dd * (i7 + i8 + 2 * i9) - 4 * i10
                    - dd * dd * i12 + 4 * dd * i13) / (dd * dd * (dd - 2)), q.qdd(), 1e-10);
            assertEquals((dd * (i3 - i4) - i7 - i8 + 2 * i9) / (2 * dd), q.q3(), 1e-10);
            assertEquals(((dd - 1) * (dd - 2) * (i3 + i4) + 4 * (dd - 1) * (i5 + i6) - (dd - 1) * (i7 + i8)
                    - 2 * (dd - 1) * i9 + 2 * i10 - 2 * dd * (dd - 1) * i11 + 2 * i12 - 4 * i13)
                    / (2 * (dd - 1) * (dd - 2)), q.q2(), 1e-10);
        }
    }
}
