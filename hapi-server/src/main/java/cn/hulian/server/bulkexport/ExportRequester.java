package cn.hulian.server.bulkexport;

import cn.hulian.server.security.Caller;
import cn.hulian.server.security.Callers;
import cn.hulian.server.security.Role;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Who kicked off a bulk export, kept with the export job (as the security context HAPI writes into each output
 * Binary) so that only the same client of the same issuer polls the job and downloads its files, and so that the job,
 * which runs without a request, applies the sharing directives that bind the requester.
 *
 * @param role        the requester's role
 * @param institution the organisation code it acts for, empty if none
 * @param issuer      the issuer of its token
 * @param clientId    the client application
 */
record ExportRequester(Role role, String institution, String issuer, String clientId) {

	/** The identifier system of {@link #encoded()} values in a job's parameters and its Binaries' security context. */
	static final String SYSTEM = "http://hulian.cn/fhir/sid/bulk-export-requester";

	static ExportRequester of(Caller caller) {
		return new ExportRequester(caller.role(), caller.institution(), caller.issuer(), caller.clientId());
	}

	/** Whether {@code encoded} names the caller of the request being handled. */
	static boolean isCurrentCaller(String encoded) {
		Optional<ExportRequester> requester = decode(encoded);
		return requester.isPresent() && Callers.current().map(ExportRequester::of).equals(requester);
	}

	/** One string, each part URL-encoded, so that no part can run into the next. */
	String encoded() {
		return Stream.of(role.claimValue(), institution, issuer, clientId)
				.map(part -> URLEncoder.encode(part, StandardCharsets.UTF_8))
				.collect(Collectors.joining(" "));
	}

	/** The requester {@code encoded} names, empty if it names none (not written by {@link #encoded()}). */
	static Optional<ExportRequester> decode(String encoded) {
		if (encoded == null) {
			return Optional.empty();
		}
		List<String> parts = Arrays.stream(encoded.split(" ", -1))
				.map(part -> URLDecoder.decode(part, StandardCharsets.UTF_8))
				.toList();
		if (parts.size() != 4) {
			return Optional.empty();
		}
		return Role.fromClaim(parts.get(0)).map(role -> new ExportRequester(role, parts.get(1), parts.get(2), parts.get(3)));
	}
}
