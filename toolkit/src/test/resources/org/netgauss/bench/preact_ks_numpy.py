"""NumPy reference for the 2-layer KS experiment of Wolinski & Arbel (docs/spec/gaussian-preact.md §3a).

Same algorithm as netgauss' TwoLayerKsExperiment: scalar input x = 1 -> n_a -> n_b -> 1, the first layer
drawn in law (Z1 ~ N(0, sigma_w^2 + sigma_b^2)), the later layers as batched products over N networks with
weights [N, out, in] from the activation's law, KS of the output to N(0,1). Written for this benchmark; run
with Debian's /usr/bin/python3 (numpy, scipy).

usage: preact_ks_numpy.py N SEED CURVES   (CURVES: comma list such as odd3,pos3,relu,tanh or 'paper')
prints one line per point "cfg curve n ks", then "TOTAL_SECONDS t" (wall) and "TOTAL_CPU_SECONDS t".
"""
import sys
import time

import numpy as np
from scipy.special import ndtr

ODD = {  # theta: a, b, c, d, f, g  (docs/spec/gaussian-preact.md §1.5)
    2.05: (1.482533833, 2.024871434, 1.502878696, -0.02420123629, 3.326596103, -0.6329325439),
    2.5: (1.215333617, 1.660156995, 2.416415428, -0.5042092324, 1.813578662, 0.3394836439),
    3: (0.8238268964, 1.46082118, 1.62925353, -0.3248599412, 1.892816124, 0.4662723985),
    4: (0.5555693903, 1.276247806, 1.413606248, -0.2378088668, 1.921138533, 0.7918393448),
    5: (0.4564951795, 1.102612095, 1.443750623, 0.08571542785, 2.27510387, 0.5527079432),
    7: (0.3769375165, 0.9663057382, 1.667303443, 0.2217453068, 2.680907369, 0.4562711308),
    10: (0.3236354964, 0.8853640646, 1.825766304, 0.3647518962, 3.009681783, 0.3811538758),
}
POS = {  # theta: a, b, h, c, d, f, g
    2.05: (1.376518241, 2.431069103, 1.735028152, 1.322013975, -0.01114418941, 3.044536995, -0.4828190277),
    2.5: (1.235881153, 2.089853286, 1.044741133, 1.907242687, -0.5421277382, 2.360648426, 0.3934923796),
    3: (0.8533310124, 1.950387736, 0.7508269663, 1.968766009, -0.4322970822, 2.325966856, 0.4750775891),
    4: (0.5646648336, 1.814247419, 0.4953577142, 1.712126167, -0.1115098203, 2.162566321, 0.5622706714),
    5: (0.4124021709, 1.716967231, 0.3291736787, 1.53213006, 0.3258579322, 1.890387077, 0.722710352),
    7: (0.3314811143, 1.637055627, 0.2668336063, 1.903688983, 1.053982833, 1.536421336, 0.5037708146),
    10: (0.2807915148, 1.584449808, 0.2893684687, 2.511353984, 1.536778786, 1.32442952, 0.3968828433),
}


def phi_odd(theta):
    a, b, c, d, f, g = ODD[theta]
    alpha = 1 - 2 / theta

    def phi(x):
        ax = np.abs(x)
        return a * np.tanh(b * x) * ((ax + c) ** alpha + d) * (np.log(ax + f) + g)
    return phi


def phi_pos(theta):
    a, b, h, c, d, f, g = POS[theta]
    alpha = 1 - 2 / theta

    def phi(x):
        s = np.logaddexp(0.0, x)                      # stable softplus
        sig = 0.5 * (1.0 + np.tanh(0.5 * (b * x + h)))  # stable logistic
        return a * sig * ((s + c) ** alpha + d) * (np.log(s + f) + g)
    return phi


def weibull_sampler(theta):
    def sample(rng, shape):
        w = rng.standard_exponential(shape) ** (1.0 / theta)
        return np.where(rng.random(shape) < 0.5, -w, w)
    return sample


def gaussian_sampler(rng, shape):
    return rng.standard_normal(shape)


def curve(name):
    """(phi, sampler, sigma_w, sigma_b) for a curve name: odd3, pos2.05, relu, tanh."""
    if name == "relu":
        return (lambda x: np.maximum(x, 0.0)), gaussian_sampler, np.sqrt(2.0), 0.0
    if name == "tanh":
        return np.tanh, gaussian_sampler, np.sqrt(1.46), np.sqrt(0.013)
    theta = float(name[3:])
    theta = int(theta) if theta == int(theta) else theta
    phi = phi_odd(theta) if name.startswith("odd") else phi_pos(theta)
    return phi, weibull_sampler(theta), 1.0, 0.0


def ks_standard_normal(z):
    z = np.sort(z)
    n = z.size
    f = ndtr(z)
    i = np.arange(1, n + 1)
    return max(np.max(i / n - f), np.max(f - (i - 1) / n))


def point(name, widths, n_networks, rng):
    phi, sampler, sw, sb = curve(name)
    # layer 1 in law: x = 1 (n_0 = 1), N(0,1) weights and biases
    z = np.sqrt(sw * sw + sb * sb) * rng.standard_normal((n_networks, widths[0]))
    for out in widths[1:]:
        a = phi(z)
        w = sampler(rng, (n_networks, out, a.shape[1]))
        z = (sw / np.sqrt(a.shape[1])) * np.einsum("noi,ni->no", w, a)
        if sb != 0.0:
            z = z + sb * sampler(rng, (n_networks, out))
    return ks_standard_normal(z[:, 0])


def main():
    n_networks = int(sys.argv[1])
    seed = int(sys.argv[2])
    names = sys.argv[3]
    if names == "paper":
        names = [f"odd{t}" for t in ODD] + [f"pos{t}" for t in POS] + ["relu", "tanh"]
    else:
        names = names.split(",")
    configs = {"cfg0": lambda n: (1, n, 1), "cfg1": lambda n: (n, 2, 1), "cfg2": lambda n: (n, n, 1)}
    rng = np.random.default_rng(seed)
    t0 = time.perf_counter()
    c0 = time.process_time()
    for cfg, widths in configs.items():
        for name in names:
            for n in range(1, 11):
                ks = point(name, widths(n), n_networks, rng)
                print(cfg, name, n, f"{ks:.6f}", flush=True)
    print("TOTAL_SECONDS", f"{time.perf_counter() - t0:.3f}")
    print("TOTAL_CPU_SECONDS", f"{time.process_time() - c0:.3f}")


if __name__ == "__main__":
    main()
