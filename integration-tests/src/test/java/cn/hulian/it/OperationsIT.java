package cn.hulian.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.junit.jupiter.api.Test;

/** What operators and integrators look at: the CapabilityStatement, the OpenAPI docs, health and metrics. */
class OperationsIT extends ServerTestSupport {

	@Test
	void capabilityStatementDescribesThisServer() {
		CapabilityStatement capabilities = client.capabilities().ofType(CapabilityStatement.class).execute();

		assertThat(capabilities.getFhirVersion().toCode()).isEqualTo("4.0.1");
		assertThat(capabilities.getSoftware().getName()).isEqualTo("Hulian");
		assertThat(capabilities.getPatchFormat()).extracting(code -> code.getValue())
				.contains("application/json-patch+json", "application/fhir+json");
		CapabilityStatementRestResourceComponent patient = capabilities.getRestFirstRep().getResource().stream()
				.filter(resource -> resource.getType().equals("Patient"))
				.findFirst()
				.orElseThrow();
		assertThat(patient.getVersioning()).isEqualTo(CapabilityStatement.ResourceVersionPolicy.VERSIONEDUPDATE);
		assertThat(patient.getConditionalCreate()).isTrue();
		assertThat(patient.getConditionalDelete()).isEqualTo(CapabilityStatement.ConditionalDeleteStatus.MULTIPLE);
		assertThat(patient.getOperation()).extracting(operation -> operation.getName()).contains("everything");
		assertThat(patient.getSearchParam()).extracting(param -> param.getName()).contains("identifier", "birthdate");
	}

	@Test
	void publishesAnOpenApiDescriptionAndSwaggerUi() {
		HttpResponse<String> apiDocs = send(fhirRequest("api-docs"));
		HttpResponse<String> swaggerUi = send(HttpRequest.newBuilder(URI.create(server.fhirBaseUrl() + "/swagger-ui/"))
				.header("Accept", "text/html"));

		assertThat(apiDocs.statusCode()).isEqualTo(200);
		// HAPI publishes the OpenAPI document as YAML.
		assertThat(apiDocs.body()).startsWith("openapi: 3.").contains("/Patient/{id}:");
		assertThat(swaggerUi.statusCode()).isEqualTo(200);
		assertThat(swaggerUi.body()).containsIgnoringCase("swagger");
	}

	@Test
	void reportsHealthIncludingTheDatabaseAndTheFhirPackages() {
		HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/actuator/health")));

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).startsWith("{\"status\":\"UP\"")
				.contains("\"db\":{\"status\":\"UP\"}", "\"fhirPackages\":{\"status\":\"UP\"}");
	}

	@Test
	void exposesPrometheusMetrics() {
		client.capabilities().ofType(CapabilityStatement.class).execute();

		HttpResponse<String> metrics = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/actuator/prometheus")));

		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes", "hikaricp_connections_active", "http_server_requests");
	}
}
