package org.accord.app.ledger;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.accord.app.ledger.merkle.LedgerLeaf;
import org.accord.app.ledger.merkle.MerkleTree;

/**
 * Each trust's RFC 9162 Merkle tree over its stored link hashes (docs/transparency-log.md), kept in memory and
 * appended from the store as the chain grows, so that a checkpoint or a proof never re-reads the whole store. The
 * tree is built of what is stored; it is only used once it agrees with the trust's recorded head, and signing checks
 * it against the checkpoints known before (see {@link DecisionLogIntegrity}).
 */
class TrustTrees {

    private final LedgerSource source;
    private final Map<String, Kept> trees = new HashMap<>();

    private static final class Kept {
        final MerkleTree tree = new MerkleTree();
        long order;
    }

    TrustTrees(LedgerSource source) {
        this.source = source;
    }

    /**
     * The trust's tree, holding at least the leaves up to {@code head}; its leaf at the head is the head's hash.
     *
     * @throws IllegalStateException naming the position where the stored links are not one whole chain
     */
    synchronized MerkleTree tree(ChainHead head) {
        try {
            return upToDate(head);
        } catch (IllegalStateException e) {
            trees.remove(head.trustId()); // half read: start again next time
            throw e;
        }
    }

    private MerkleTree upToDate(ChainHead head) {
        Kept kept = trees.computeIfAbsent(head.trustId(), t -> new Kept());
        if (!agrees(catchUp(head.trustId(), kept), head)) {
            // the store beneath the kept tree changed (or it was built on a head that was later rolled back)
            kept = new Kept();
            trees.put(head.trustId(), kept);
            if (!agrees(catchUp(head.trustId(), kept), head)) {
                throw new IllegalStateException("the stored links of trust '" + head.trustId() + "' do not reach its"
                        + " head at position " + head.position() + " with hash " + head.hash());
            }
        }
        return kept.tree;
    }

    /** Forgets every tree: the next use rebuilds them from the store (after an operator's acknowledgement, say). */
    synchronized void forget(String trustId) {
        trees.remove(trustId);
    }

    private MerkleTree catchUp(String trustId, Kept kept) {
        source.links(trustId, kept.order, (order, position, hash) -> {
            if (position != kept.tree.size() + 1) {
                throw new IllegalStateException("the stored links of trust '" + trustId + "' are not one chain: the"
                        + " event stored at " + order + " claims position " + position + " where position "
                        + (kept.tree.size() + 1) + " comes next");
            }
            kept.tree.append(LedgerLeaf.hash(hash));
            kept.order = order;
        });
        return kept.tree;
    }

    private static boolean agrees(MerkleTree tree, ChainHead head) {
        if (head.position() == 0) {
            return true;
        }
        return tree.size() >= head.position()
                && Arrays.equals(tree.leafHash(head.position() - 1), LedgerLeaf.hash(head.hash()));
    }
}
