package org.netgauss.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The peers' BLAS as measured in this run by {@code peer_blas.py} (Debian's /usr/bin/python3): which library NumPy
 * and PyTorch loaded, their threads and CPU kernels, their GEMM rates, and whether a product checks against an exact
 * reference. Every benchmark prints it as its header and asks {@link #ratio} for each ratio against a peer, which is
 * refused (printed as "refused") when the peers run on the reference BLAS (Debian's libblas3, tens of times slower
 * than OpenBLAS, so any ratio against it flatters netgauss) or the product check failed.
 *
 * <p>Run the benchmarks as {@code env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE environment/bin/bench ...}: a machine
 * that pins OPENBLAS_CORETYPE to an older core type denies OpenBLAS its AVX-512 kernels; the header shows the
 * kernels in use ("Haswell" = AVX2 only) and the environment the peers saw.
 */
record PeerBlas(JsonObject report) {

    /** Runs the probe with the given thread count and prints its summary; exits the JVM if Python is missing. */
    static PeerBlas measure(int threads) throws IOException, InterruptedException {
        Path script = Files.createTempFile("peer_blas", ".py");
        script.toFile().deleteOnExit();
        try (InputStream in = PeerBlas.class.getResourceAsStream("peer_blas.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), Integer.toString(threads))
                .redirectErrorStream(true).start();
        JsonObject r = null;
        StringBuilder other = new StringBuilder();
        try (BufferedReader br = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String s = br.readLine(); s != null; s = br.readLine()) {
                if (s.startsWith("{")) {
                    r = JsonParser.parseString(s).getAsJsonObject();
                } else {
                    other.append("\n  python: ").append(s);
                }
            }
        }
        if (p.waitFor() != 0 || r == null) {
            throw new IllegalStateException("/usr/bin/python3 peer_blas.py failed (exit " + p.exitValue() + "); run"
                    + " 'environment/bin/setup --bench' to install NumPy, PyTorch and OpenBLAS" + other);
        }
        PeerBlas peers = new PeerBlas(r);
        System.out.println(peers.summary());
        return peers;
    }

    /** True when a ratio against NumPy/PyTorch is meaningful: an optimised BLAS and a correct product. */
    boolean atTheirBest() {
        return !report.get("reference_blas").getAsBoolean() && report.get("numpy_f64_exact").getAsBoolean()
                && (!report.has("torch_f32_max_rel_error") || report.get("torch_f32_max_rel_error").getAsDouble() < 1e-4);
    }

    /** NumPy's float64 GEMM rate (2000², GFLOP/s) in this run. */
    double numpyGemmF64() {
        return report.get("numpy_gemm_f64_gflops").getAsDouble();
    }

    /** PyTorch's float32 GEMM rate (torch.mm 2000², GFLOP/s) in this run, NaN without PyTorch. */
    double torchGemmF32() {
        return report.has("torch_gemm_f32_gflops") ? report.get("torch_gemm_f32_gflops").getAsDouble() : Double.NaN;
    }

    /** "12.3x", or "refused (peer on the reference BLAS)" when the peers are not at their best. */
    String ratio(double netgaussOverPeer) {
        if (!atTheirBest()) {
            return "refused (" + (report.get("reference_blas").getAsBoolean() ? "peer on the reference BLAS"
                    : "peer's product check failed") + ")";
        }
        return String.format(Locale.ROOT, "%.2fx", netgaussOverPeer);
    }

    String summary() {
        String env = report.get("env").getAsJsonObject().entrySet().isEmpty() ? "none"
                : report.get("env").toString();
        return String.format(Locale.ROOT, "peers: NumPy %s and PyTorch %s on %s; NumPy float64 GEMM 2000² %.1f GFLOP/s,"
                        + " torch.mm float32 2000² %.1f GFLOP/s (%s torch threads); float64 product exact: %s; torch"
                        + " float32 product max rel. error %.1e; OPENBLAS_*/OMP_* seen by the peers: %s%s",
                report.get("numpy").getAsString(), report.has("torch") ? report.get("torch").getAsString() : "(absent)",
                report.get("blas").getAsString(), numpyGemmF64(), torchGemmF32(),
                report.has("torch_threads") ? report.get("torch_threads").getAsString() : "-",
                report.get("numpy_f64_exact").getAsBoolean() ? "yes" : "NO",
                report.has("torch_f32_max_rel_error") ? report.get("torch_f32_max_rel_error").getAsDouble() : Double.NaN,
                env, atTheirBest() ? "" : "\npeers NOT at their best: every ratio against them is refused;"
                        + " install OpenBLAS with 'environment/bin/setup --bench'");
    }
}
