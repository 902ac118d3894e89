package cn.hulian.server.onlinecare;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import cn.hulian.server.config.FhirServerInterceptor;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The other entries of the transaction (or batch) a write belongs to, found by the reference other entries use for
 * them: their full URL ({@code urn:uuid:...}), or {@code Type/id} for an entry put under its own id. Checks made
 * before a resource is stored need this: HAPI replaces those references with the ids it assigns only afterwards,
 * and the referenced entry may not be stored yet.
 */
public final class TransactionEntries {

	public static final TransactionEntries NONE = new TransactionEntries(Map.of());

	private final Map<String, Resource> byReference;

	private TransactionEntries(Map<String, Resource> byReference) {
		this.byReference = byReference;
	}

	/**
	 * The entries of the transaction {@code request} is part of, or none for a single write. HAPI writes each entry
	 * with its own request details, sharing the transaction's user data, where {@link Recorder} keeps them.
	 */
	public static TransactionEntries of(RequestDetails request) {
		return request != null && request.getUserData().get(Recorder.ENTRIES) instanceof TransactionEntries entries
				? entries
				: NONE;
	}

	private static TransactionEntries of(Bundle bundle) {
		Map<String, Resource> byReference = new HashMap<>();
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			if (!entry.hasResource()) {
				continue;
			}
			if (entry.hasFullUrl()) {
				byReference.put(entry.getFullUrl(), entry.getResource());
			}
			String url = entry.getRequest().getUrl();
			if (entry.getRequest().getMethod() == Bundle.HTTPVerb.PUT && url != null && !url.contains("?")) {
				byReference.put(url, entry.getResource());
			}
		}
		return new TransactionEntries(byReference);
	}

	/** The entry {@code reference} points to. */
	public Optional<Resource> find(Reference reference) {
		return reference.hasReference() ? Optional.ofNullable(byReference.get(reference.getReference())) : Optional.empty();
	}

	/**
	 * A copy of {@code resource} whose references to other entries by full URL name the entry's type, as they will
	 * once stored ({@code urn:uuid:5d0c...} becomes {@code MedicationRequest/5d0c...}), so that profile constraints on
	 * a reference's target type judge what will be stored; {@code resource} itself when nothing needs replacing.
	 */
	public IBaseResource withEntryTypes(FhirContext fhirContext, IBaseResource resource) {
		if (byReference.isEmpty()) {
			return resource;
		}
		IBaseResource copy = ((Resource) resource).copy();
		fhirContext.newTerser().getAllPopulatedChildElementsOfType(copy, Reference.class).forEach(reference -> {
			String target = reference.getReference();
			Resource entry = target == null || !target.contains(":") ? null : byReference.get(target);
			if (entry != null) {
				reference.setReference(entry.fhirType() + "/" + target.substring(target.lastIndexOf(':') + 1));
			}
		});
		return copy;
	}

	/** Indexes the entries of each transaction once, as it starts, and keeps them with its request. */
	@Interceptor
	public static class Recorder implements FhirServerInterceptor {

		static final String ENTRIES = Recorder.class.getName() + ".entries";

		@Hook(Pointcut.STORAGE_TRANSACTION_PROCESSING)
		public void transactionStarts(IBaseBundle bundle, RequestDetails request) {
			if (bundle instanceof Bundle r4Bundle) {
				request.getUserData().put(ENTRIES, of(r4Bundle));
			}
		}
	}
}
