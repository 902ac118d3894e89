package cn.hulian.server.config;

/**
 * Marks a Spring bean as a HAPI plain provider of FHIR operations: {@link RestfulServerConfig} registers every such
 * bean with the server, as it does interceptors ({@link FhirServerInterceptor}).
 */
public interface FhirOperationProvider {}
