package org.accord.app.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.accord.app.ledger.ChainHasher;
import org.accord.app.ledger.ChainLink;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What a leaf of a trust's log is, and what a trust's log is called. */
class LedgerLeafTest {

    @Test
    void aLeafIsTheThirtyTwoBytesOfTheEventsLinkHash() {
        ChainLink link = new ChainLink("demo-trust", 1, ChainHasher.GENESIS, "event-1", "Proposal", "p-1", 0,
                "org.accord.api.proposal.ProposalDraftedEvent",
                JsonMapper.builder().build().readTree("{\"title\":\"Romans in Year 3\"}"), "person-7",
                Instant.parse("2025-01-02T03:04:05.678Z"));
        String linkHash = ChainHasher.hash(link);
        assertThat(LedgerLeaf.bytes(linkHash)).isEqualTo(HexFormat.of().parseHex(linkHash));
        assertThat(LedgerLeaf.hash(link)).isEqualTo(ReferenceTree.sha256(new byte[] {0x00},
                HexFormat.of().parseHex(linkHash)));
        assertThat(LedgerLeaf.index(1)).isZero();
    }

    @Test
    void aTrustsTreeIsBuiltFromItsLinkHashesInChainOrder() {
        List<String> links = new ArrayList<>();
        String previous = ChainHasher.GENESIS;
        for (int i = 0; i < 5; i++) {
            previous = ReferenceTree.hex(ReferenceTree.sha256(previous.getBytes()));
            links.add(previous);
        }
        MerkleTree tree = LedgerLeaf.tree(links);
        assertThat(tree.size()).isEqualTo(5);
        assertThat(tree.root()).isEqualTo(ReferenceTree.mth(links.stream().map(LedgerLeaf::hash).toList()));
    }

    @Test
    void onlyTheLinkHashesTheChainWritesAreLeaves() {
        String upper = "AB".repeat(32);
        assertThatThrownBy(() -> LedgerLeaf.bytes(upper)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerLeaf.bytes("ab")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerLeaf.bytes(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerLeaf.index(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTrustsOriginIsTheDeploymentsNamespaceAndTheTrustIdOnOneLine() {
        assertThat(LogOrigin.of("demo-trust")).isEqualTo("accord.example/demo-trust");
        assertThat(LogOrigin.of("schools.example/accord", "St Mary's/1é"))
                .isEqualTo("schools.example/accord/St%20Mary%27s%2F1%C3%A9");
        assertThatThrownBy(() -> LogOrigin.of("has space", "t")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogOrigin.of("")).isInstanceOf(IllegalArgumentException.class);
    }
}
