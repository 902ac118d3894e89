package cn.hulian.server.policy;

import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.springframework.stereotype.Component;

/** A prescription is issued by the treating physician in person: its requester is a Practitioner, never a device. */
@Component
public class PrescriberRule implements OnlineCareRule {

	private static final List<String> PRESCRIBER_TYPES = List.of("Practitioner", "PractitionerRole");

	@Override
	public String id() {
		return "IH-RX-AUTHOR-007";
	}

	@Override
	public String source() {
		return "互联网诊疗监管细则（试行）2022: 处方应由接诊医师本人开具，严禁使用人工智能等自动生成处方";
	}

	@Override
	public List<RuleViolation> check(IBaseResource resource) {
		if (!(resource instanceof MedicationRequest prescription)) {
			return List.of();
		}
		String requesterType = prescription.getRequester().getReferenceElement().getResourceType();
		if (requesterType != null && PRESCRIBER_TYPES.contains(requesterType)) {
			return List.of();
		}
		return List.of(new RuleViolation("MedicationRequest.requester", "policy.prescriber-not-a-physician",
				requesterType == null ? "none" : requesterType));
	}
}
