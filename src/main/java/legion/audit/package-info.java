/**
 * The append-only, hash-chained audit log.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package legion.audit;
