/**
 * Home-country law advisories shown to volunteers before they apply.
 */
package legion.advisory;
