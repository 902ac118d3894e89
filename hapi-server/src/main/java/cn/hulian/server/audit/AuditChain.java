package cn.hulian.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.StringType;

/**
 * The hash chain over AuditEvents. Each event's link is its place in the chain ({@code sequence}), the hash of the
 * event before it ({@code previous}) and its own {@code hash}: SHA-256 over the previous hash, the sequence and the
 * event's JSON exactly as stored. Changing, removing or inserting an event anywhere breaks every link after it. Read
 * back, an event shows its link as extension {@value #URL}.
 */
final class AuditChain {

	static final String URL = "http://hulian.cn/fhir/StructureDefinition/audit-chain";
	/** The "previous hash" of the first event. */
	static final String START = "0".repeat(64);

	private AuditChain() {}

	/** The hash of stored JSON {@code body} at {@code sequence} after {@code previousHash}. */
	static String hash(String body, long sequence, String previousHash) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update((previousHash + "\n" + sequence + "\n").getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha256.digest(body.getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** What is wrong with a stored link, if anything, given the hash of the event before it. */
	static Optional<String> problemWith(String body, long sequence, String previousHash, String storedPrevious,
			String storedHash) {
		if (!previousHash.equals(storedPrevious)) {
			return Optional.of("it does not follow the event before it");
		}
		if (!hash(body, sequence, previousHash).equals(storedHash)) {
			return Optional.of("its content does not match its hash (changed after it was recorded)");
		}
		return Optional.empty();
	}

	static void showLink(AuditEvent event, long sequence, String previousHash, String hash) {
		Extension link = event.addExtension().setUrl(URL);
		link.addExtension("sequence", new DecimalType(sequence));
		link.addExtension("previous", new StringType(previousHash));
		link.addExtension("hash", new StringType(hash));
	}
}
