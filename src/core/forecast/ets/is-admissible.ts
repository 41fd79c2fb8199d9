/**
 * Whether smoothing parameters lie in the admissible (forecastable) region of a seasonal ETS
 * model: the conditions of Hyndman, Akram & Archibald (2008), "The admissible parameter space
 * for exponential smoothing models", Annals of the Institute of Statistical Mathematics 60(2),
 * 407–426, as R's `forecast:::admissible` checks them — a few linear inequalities, then all roots
 * of z^(m+1) + (alpha + beta - phi) z^m + (alpha + beta - alpha phi) (z^(m-1) + ... + z^2)
 * + (alpha + beta - alpha phi + gamma - 1) z + phi (1 - alpha - gamma)
 * inside (or on) the unit circle, decided without computing roots by the Schur–Cohn test
 * (Jury 1964, "Theory and application of the z-transform method"). beta = 0 without trend,
 * phi = 1 without damping. O(m^2), no allocation beyond two work arrays.
 *
 * @example isAdmissible(0.3, 0.05, 0.1, 1, 12) // true
 * @example isAdmissible(0.5, 0.2, 1.2, 0.9, 4) // false
 */
export function isAdmissible(alpha: number, beta: number, gamma: number, phi: number, m: number): boolean {
  if (phi < 0 || phi > 1 + 1e-8) return false;
  if (m <= 1) {
    if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return false;
    return !(beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha));
  }
  if (gamma < Math.max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha) return false;
  if (alpha < 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m)) return false;
  if (beta < -(1 - phi) * (gamma / m + alpha)) return false;
  const degree = m + 1;
  const coefficients = new Float64Array(degree + 1);
  coefficients[degree] = 1;
  coefficients[degree - 1] = alpha + beta - phi;
  for (let i = 2; i < m; i++) coefficients[degree - i] = alpha + beta - alpha * phi;
  coefficients[1] = alpha + beta - alpha * phi + gamma - 1;
  coefficients[0] = phi * (1 - alpha - gamma);
  // Roots on the circle are admissible (R allows moduli up to 1 + 1e-10): without trend and
  // damping z = 1 is always a root. Test the circle of radius 1 + 1e-7 instead: p((1 + e) w).
  let power = 1;
  for (let i = 0; i <= degree; i++) {
    coefficients[i] *= power;
    power *= 1 + 1e-7;
  }
  return hasAllRootsInsideUnitCircle(coefficients);
}

/**
 * Schur–Cohn: p (coefficients c_0..c_d, increasing powers) has all roots strictly inside the
 * unit circle iff |c_0| < |c_d| and the degree d - 1 polynomial (c_d p(z) - c_0 p*(z)) / z, with
 * p* the reversed polynomial, has too. Leading zeros mean roots at infinity (outside).
 */
function hasAllRootsInsideUnitCircle(coefficients: Float64Array): boolean {
  let work = coefficients.slice();
  let next = new Float64Array(work.length);
  for (let d = work.length - 1; d >= 1; d--) {
    const lead = work[d];
    const constant = work[0];
    if (!(Math.abs(constant) < Math.abs(lead))) return false;
    for (let i = 1; i <= d; i++) next[i - 1] = lead * work[i] - constant * work[d - i];
    const swap = work;
    work = next;
    next = swap;
    // Renormalise to avoid underflow over many steps.
    let largest = 0;
    for (let i = 0; i < d; i++) largest = Math.max(largest, Math.abs(work[i]));
    if (largest === 0) return false;
    for (let i = 0; i < d; i++) work[i] /= largest;
  }
  return true;
}
