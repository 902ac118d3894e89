package cn.hulian.it;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar hulian-server.jar} in an empty folder, with no configuration at all: the server starts its own
 * PostgreSQL under {@code ./data/postgres}, its index under {@code ./data/lucene}, and keeps both across restarts.
 */
class EmbeddedDefaultIT {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDefaultIT.class);

	private final Path folder = WorkDirectory.fresh("embedded-default");
	private final ServerProcess server = new ServerProcess(folder, Map.of());

	@AfterEach
	void stop() {
		server.stop();
	}

	@Test
	void startsInAnEmptyFolderAndKeepsItsDataAcrossRestarts() {
		Duration firstStart = server.start();
		log.info("Embedded default: first start (initdb, schema) answered /fhir/metadata after {} s", firstStart.toSeconds());
		assertThat(folder.resolve("data/postgres/PG_VERSION")).exists();
		assertThat(folder.resolve("data/lucene")).isDirectory();

		IGenericClient client = ServerTestSupport.newClient(server.fhirBaseUrl());
		Patient patient = new Patient();
		patient.setId("1001");
		patient.addName().setFamily("刘");
		client.update().resource(patient).execute();

		server.stop();
		Duration secondStart = server.start();
		log.info("Embedded default: restart answered /fhir/metadata after {} s", secondStart.toSeconds());

		Patient reread = ServerTestSupport.newClient(server.fhirBaseUrl())
				.read().resource(Patient.class).withId("1001").execute();
		assertThat(reread.getNameFirstRep().getFamily()).isEqualTo("刘");
	}
}
