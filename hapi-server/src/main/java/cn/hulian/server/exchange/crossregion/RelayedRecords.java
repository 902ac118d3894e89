package cn.hulian.server.exchange.crossregion;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The records a request relays from peer regions. Their holders applied their patients' sharing directives already;
 * this server's directives are about its own records, whose ids the relayed ones may share by chance, so they must
 * not be applied to relayed records ({@code consent.SharingConsentService} asks here). Kept per request, by object
 * identity: nothing a client sends or stores can mark a record as relayed.
 */
public final class RelayedRecords {

	private static final String KEY = RelayedRecords.class.getName();

	private RelayedRecords() {}

	static void mark(RequestDetails request, List<? extends IBaseResource> records) {
		@SuppressWarnings("unchecked")
		Set<IBaseResource> relayed = (Set<IBaseResource>) request.getUserData()
				.computeIfAbsent(KEY, key -> Collections.newSetFromMap(new IdentityHashMap<>()));
		relayed.addAll(records);
	}

	public static boolean isRelayed(RequestDetails request, IBaseResource record) {
		Object relayed = request.getUserData().get(KEY);
		return relayed instanceof Set<?> set && set.contains(record);
	}
}
