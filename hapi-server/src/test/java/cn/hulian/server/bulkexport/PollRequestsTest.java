package cn.hulian.server.bulkexport;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.Map;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

class PollRequestsTest {

	@Test
	void findsTheJobInTheUrl() {
		SystemRequestDetails get = new SystemRequestDetails();
		get.setParameters(Map.of("_jobId", new String[] {"job-1"}));
		assertThat(PollRequests.jobId(get)).contains("job-1");
	}

	@Test
	void findsTheJobInPostedParameters() {
		SystemRequestDetails post = new SystemRequestDetails();
		post.setParameters(Map.of());
		post.setResource(new Parameters().addParameter("_jobId", new StringType("job-2")));
		assertThat(PollRequests.jobId(post)).contains("job-2");
	}

	@Test
	void findsNoneWhenNoneIsNamed() {
		SystemRequestDetails blank = new SystemRequestDetails();
		blank.setParameters(Map.of("_jobId", new String[] {" "}));
		assertThat(PollRequests.jobId(blank)).isEmpty();
		SystemRequestDetails otherParameters = new SystemRequestDetails();
		otherParameters.setParameters(Map.of());
		otherParameters.setResource(new Parameters().addParameter("jobId", new StringType("job-3")));
		assertThat(PollRequests.jobId(otherParameters)).isEmpty();
	}
}
