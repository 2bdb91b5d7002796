/**
 * Home-country law advisories shown to volunteers before they apply.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "enlistment", "shared"})
package legion.advisory;
