/**
 * The transactional outbox for mail: a message is written in the transaction that decides it and sent afterwards by
 * a background job, once across nodes, retried with back-off, never twice; failures visible to administrators.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"access", "audit", "privacy", "shared"}, displayName = "outbox")
package legion.outbox;
