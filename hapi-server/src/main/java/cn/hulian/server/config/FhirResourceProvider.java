package cn.hulian.server.config;

import ca.uhn.fhir.rest.server.IResourceProvider;

/**
 * Marks a Spring bean as Hulian's own provider of one resource type: {@link RestfulServerConfig} registers it in
 * place of HAPI's JPA provider of that type.
 */
public interface FhirResourceProvider extends IResourceProvider {}
