package cn.hulian.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditChainTest {

	private static final String FIRST = "{\"resourceType\":\"AuditEvent\",\"action\":\"R\"}";
	private static final String SECOND = "{\"resourceType\":\"AuditEvent\",\"action\":\"U\"}";

	@Test
	void eachLinkChecksOutAgainstTheLinkBeforeIt() {
		String firstHash = AuditChain.hash(FIRST, 1, AuditChain.START);
		String secondHash = AuditChain.hash(SECOND, 2, firstHash);

		assertThat(AuditChain.problemWith(FIRST, 1, AuditChain.START, AuditChain.START, firstHash)).isEmpty();
		assertThat(AuditChain.problemWith(SECOND, 2, firstHash, firstHash, secondHash)).isEmpty();
		assertThat(secondHash).hasSize(64).isNotEqualTo(firstHash);
	}

	@Test
	void aChangedMovedOrReorderedEventBreaksTheChain() {
		String hash = AuditChain.hash(FIRST, 1, AuditChain.START);

		assertThat(AuditChain.problemWith(FIRST.replace("\"R\"", "\"D\""), 1, AuditChain.START, AuditChain.START, hash))
				.hasValueSatisfying(problem -> assertThat(problem).contains("changed"));
		assertThat(AuditChain.problemWith(FIRST, 2, AuditChain.START, AuditChain.START, hash))
				.hasValueSatisfying(problem -> assertThat(problem).contains("changed"));
		assertThat(AuditChain.problemWith(FIRST, 1, "f".repeat(64), AuditChain.START, hash))
				.hasValueSatisfying(problem -> assertThat(problem).contains("does not follow"));
	}
}
