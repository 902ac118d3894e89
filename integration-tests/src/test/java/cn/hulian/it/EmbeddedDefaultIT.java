package cn.hulian.it;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar hulian-server.jar} in an empty folder, with no configuration at all: the server starts its own
 * PostgreSQL under {@code ./data/postgres}, its index under {@code ./data/lucene}, and keeps both across restarts,
 * crashes included.
 */
@Order(1)
class EmbeddedDefaultIT {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDefaultIT.class);

	private final Path folder = WorkDirectory.fresh("embedded-default");
	private final ServerProcess server = new ServerProcess(folder, Map.of());

	@AfterEach
	void stop() {
		server.stop();
	}

	@Test
	void startsInAnEmptyFolderAndKeepsItsDataAcrossRestartsAndCrashes() {
		Duration firstStart = server.start();
		log.info("Embedded default: first start (initdb, schema) answered /fhir/metadata after {} s", firstStart.toSeconds());
		assertThat(folder.resolve("data/postgres/PG_VERSION")).exists();
		assertThat(folder.resolve("data/lucene")).isDirectory();
		storePatient("1001", "刘");

		server.stop();
		Duration restart = server.start();
		log.info("Embedded default: restart answered /fhir/metadata after {} s", restart.toSeconds());
		assertThat(readFamily("1001")).isEqualTo("刘");
		storePatient("1002", "陈");

		// A crash leaves the server's PostgreSQL running on the data directory; the next start must recover.
		server.kill();
		server.start();
		assertThat(readFamily("1001")).isEqualTo("刘");
		assertThat(readFamily("1002")).isEqualTo("陈");
	}

	private void storePatient(String id, String family) {
		Patient patient = new Patient();
		patient.setId(id);
		patient.addName().setFamily(family);
		demoAdmin().update().resource(patient).execute();
	}

	/** The embedded default's demo administrator, its token from the built-in endpoint (a new one after each start). */
	private IGenericClient demoAdmin() {
		return ServerTestSupport.newClient(server.fhirBaseUrl(), server.demoToken("admin", "admin-demo-secret"));
	}

	private String readFamily(String id) {
		return demoAdmin()
				.read().resource(Patient.class).withId(id).execute()
				.getNameFirstRep().getFamily();
	}
}
