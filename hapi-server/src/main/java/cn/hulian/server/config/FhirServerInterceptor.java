package cn.hulian.server.config;

/**
 * Marks a Spring bean as a HAPI interceptor of the FHIR endpoint: {@link RestfulServerConfig} registers every such
 * bean with the server, so a capability package adds an interceptor by declaring a bean, without touching the wiring.
 */
public interface FhirServerInterceptor {}
