package cn.hulian.server.validation;

import cn.hulian.server.onlinecare.OnlineCareMembership;
import cn.hulian.server.onlinecare.TransactionEntries;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Which Hulian profile a resource must conform to because it is part of online care ({@link OnlineCareMembership}),
 * whether or not it declares one. The profile for each resource type is configured
 * ({@code hulian.validation.online-care.profiles}); other resources are accepted as plain R4.
 */
public class OnlineCareProfilePolicy {

	private final Map<String, String> profilesByType;
	private final OnlineCareMembership onlineCare;

	public OnlineCareProfilePolicy(Map<String, String> profilesByType, OnlineCareMembership onlineCare) {
		this.profilesByType = profilesByType;
		this.onlineCare = onlineCare;
	}

	/** The profile {@code resource}, arriving with {@code transaction}, must conform to, if online care requires one. */
	public Optional<String> requiredProfile(IBaseResource resource, TransactionEntries transaction) {
		String profile = profilesByType.get(resource.fhirType());
		if (profile == null || profile.isBlank() || !onlineCare.isPartOfOnlineCare(resource, transaction)) {
			return Optional.empty();
		}
		return Optional.of(profile);
	}

	/** Called for every resource about to be written, so that what is remembered about it stays true. */
	public void resourceWritten(IBaseResource resource) {
		onlineCare.resourceWritten(resource);
	}
}
