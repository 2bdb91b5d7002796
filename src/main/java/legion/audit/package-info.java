/**
 * The append-only, hash-chained audit log.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package legion.audit;
