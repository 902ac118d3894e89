package cn.hulian.server.config;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.provider.IJpaSystemProvider;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.jpa.provider.ValueSetOperationProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.openapi.OpenApiInterceptor;
import ca.uhn.fhir.rest.server.HardcodedServerAddressStrategy;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.IncomingRequestAddressStrategy;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.rest.server.interceptor.LoggingInterceptor;
import ca.uhn.fhir.rest.server.interceptor.ResponseHighlighterInterceptor;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The FHIR REST endpoint at {@code /fhir}: HAPI's JPA resource providers behind a {@link RestfulServer}. */
@Configuration
public class RestfulServerConfig {

	private static final String DESCRIPTION = "Hulian FHIR R4 health-information exchange";

	@Bean
	public RestfulServer fhirServer(
			FhirContext fhirContext,
			ResourceProviderFactory resourceProviders,
			IJpaSystemProvider systemProvider,
			ValueSetOperationProvider valueSetOperations,
			IFhirSystemDao<?, ?> systemDao,
			JpaStorageSettings storageSettings,
			ISearchParamRegistry searchParamRegistry,
			IValidationSupport validationSupport,
			DatabaseBackedPagingProvider pagingProvider,
			FhirStorageProperties properties,
			List<FhirServerInterceptor> interceptors,
			List<FhirOperationProvider> operationProviders,
			List<FhirResourceProvider> ownResourceProviders) {
		RestfulServer server = new RestfulServer(fhirContext);
		server.setServerName("Hulian");
		server.setImplementationDescription(DESCRIPTION);
		server.setDefaultResponseEncoding(EncodingEnum.JSON);
		server.registerProviders(jpaProvidersExceptOwn(resourceProviders, ownResourceProviders));
		server.registerProviders(ownResourceProviders);
		server.registerProvider(systemProvider);
		server.registerProvider(valueSetOperations);
		operationProviders.forEach(server::registerProvider);

		JpaCapabilityStatementProvider capabilities = new JpaCapabilityStatementProvider(
				server, systemDao, storageSettings, searchParamRegistry, validationSupport);
		capabilities.setImplementationDescription(DESCRIPTION);
		server.setServerConformanceProvider(capabilities);

		pagingProvider.setDefaultPageSize(properties.defaultPageSize());
		pagingProvider.setMaximumPageSize(properties.maxPageSize());
		server.setPagingProvider(pagingProvider);
		server.setServerAddressStrategy(
				properties.serverAddress().isBlank()
						? new IncomingRequestAddressStrategy()
						: new HardcodedServerAddressStrategy(properties.serverAddress()));

		// Swagger UI and OpenAPI document at /fhir/swagger-ui/ and /fhir/api-docs.
		server.registerInterceptor(new OpenApiInterceptor());
		server.registerInterceptor(accessLog());
		// Readable HTML when a browser looks at the API.
		server.registerInterceptor(new ResponseHighlighterInterceptor());
		interceptors.forEach(server::registerInterceptor);
		return server;
	}

	/** HAPI's JPA provider of every resource type, except the types Hulian provides itself. */
	private static List<Object> jpaProvidersExceptOwn(
			ResourceProviderFactory jpaProviders, List<FhirResourceProvider> ownProviders) {
		Set<Class<?>> ownTypes = ownProviders.stream().map(IResourceProvider::getResourceType).collect(Collectors.toSet());
		return jpaProviders.createProviders().stream()
				.filter(provider -> !(provider instanceof IResourceProvider typed && ownTypes.contains(typed.getResourceType())))
				.toList();
	}

	/** One line per request on logger {@code hulian.access}; silence it with {@code logging.level.hulian.access=warn}. */
	private static LoggingInterceptor accessLog() {
		LoggingInterceptor accessLog = new LoggingInterceptor();
		accessLog.setLoggerName("hulian.access");
		accessLog.setMessageFormat(
				"${remoteAddr} ${requestVerb} ${requestUrl}${requestParameters} ${operationType} ${processingTimeMillis}ms");
		accessLog.setErrorMessageFormat("${remoteAddr} ${requestVerb} ${requestUrl} failed: ${exceptionMessage}");
		return accessLog;
	}

	@Bean
	public ServletRegistrationBean<RestfulServer> fhirServlet(RestfulServer fhirServer) {
		ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(fhirServer, "/fhir/*");
		registration.setName("fhir");
		registration.setLoadOnStartup(1);
		return registration;
	}
}
