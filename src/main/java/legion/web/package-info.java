/**
 * Cross-cutting web adapters: one place that maps exceptions to RFC 9457 problem responses and error pages.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package legion.web;
