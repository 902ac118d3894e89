package cn.hulian.server.audit;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;

/**
 * The hash chain over AuditEvents. Each event carries extension {@value #URL} with its place in the chain
 * ({@code sequence}), the hash of the event before it ({@code previous}) and its own {@code hash}: SHA-256 over the
 * previous hash, the sequence and the event's JSON without id, meta and this extension. Changing, removing or
 * inserting an event anywhere breaks every link after it.
 */
@Component
class AuditChain {

	static final String URL = "http://hulian.cn/fhir/StructureDefinition/audit-chain";
	/** The "previous hash" of the first event. */
	static final String START = "0".repeat(64);

	private final FhirContext fhirContext;

	AuditChain(FhirContext fhirContext) {
		this.fhirContext = fhirContext;
	}

	/** Puts {@code event} at {@code sequence} after {@code previousHash}; returns its hash. */
	String link(AuditEvent event, long sequence, String previousHash) {
		String hash = hash(event, sequence, previousHash);
		withoutLink(event);
		Extension link = event.addExtension().setUrl(URL);
		link.addExtension("sequence", new DecimalType(sequence));
		link.addExtension("previous", new StringType(previousHash));
		link.addExtension("hash", new StringType(hash));
		return hash;
	}

	/** What is wrong with stored {@code event} at {@code sequence} after {@code previousHash}, if anything. */
	Optional<String> check(AuditEvent event, long sequence, String previousHash, String recordedHash) {
		Extension link = event.getExtensionByUrl(URL);
		if (link == null) {
			return Optional.of("it carries no chain link");
		}
		String storedSequence = link.getExtensionString("sequence");
		if (storedSequence == null || Long.parseLong(storedSequence) != sequence) {
			return Optional.of("its sequence is " + storedSequence + ", expected " + sequence);
		}
		if (!previousHash.equals(link.getExtensionString("previous"))) {
			return Optional.of("it does not follow the event before it");
		}
		String hash = hash(event, sequence, previousHash);
		if (!hash.equals(link.getExtensionString("hash")) || !hash.equals(recordedHash)) {
			return Optional.of("its content does not match its hash (changed after it was recorded)");
		}
		return Optional.empty();
	}

	private static void withoutLink(AuditEvent event) {
		event.getExtension().removeIf(extension -> URL.equals(extension.getUrl()));
	}

	private String hash(AuditEvent event, long sequence, String previousHash) {
		AuditEvent content = event.copy();
		withoutLink(content);
		content.setId((String) null);
		content.setMeta(null);
		String json = fhirContext.newJsonParser().encodeResourceToString(content);
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update((previousHash + "\n" + sequence + "\n").getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha256.digest(json.getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
