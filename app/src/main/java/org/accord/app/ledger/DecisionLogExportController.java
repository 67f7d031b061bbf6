package org.accord.app.ledger;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.accord.api.peerreview.FindPeerReviewQuery;
import org.accord.api.peerreview.PeerReviewView;
import org.accord.api.trust.FindPeopleQuery;
import org.accord.api.trust.PersonView;
import org.accord.app.security.AccordUser;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.node.ObjectNode;

/**
 * The export of a trust's decision log (same rule as reading it, with what the caller may not read withheld) and the
 * public key that checks it, published for anyone to fetch without signing in.
 */
@RestController
public class DecisionLogExportController {

    public static final String PUBLIC_KEY_PATH = "/.well-known/accord-ledger-key.pem";
    public static final String EXPORT_PATH = "/decision-log/export";
    public static final String PROOF_PATH = "/decision-log/proof";
    public static final String CONSISTENCY_PATH = "/decision-log/consistency";

    private final DecisionLogVerifier verifier;
    private final LedgerKeys keys;
    /** Axon's gateway, not app.shared's Queries: that one reaches the platform, which reaches back to the ledger. */
    private final QueryGateway queries;

    public DecisionLogExportController(DecisionLogVerifier verifier, LedgerKeys keys, QueryGateway queries) {
        this.verifier = verifier;
        this.keys = keys;
        this.queries = queries;
    }

    /**
     * What this caller may not read of the trust's log is withheld: a peer review's content, unless they are of one
     * of its two schools (or its reviewing team) or lead the trust. The caller's roles, school and teams come from
     * the trust's record, as for reading a review.
     */
    private Withholding withholdingFor(String trustId, AccordUser caller) {
        List<PersonView> found = caller == null || caller.personId() == null ? List.of()
                : queries.query(new FindPeopleQuery(List.of(caller.personId())),
                        ResponseTypes.multipleInstancesOf(PersonView.class)).join();
        PersonView reader = found.isEmpty() ? null : found.get(0);
        return new Withholding(trustId, caller, reader, reviewId -> {
            PeerReviewView review = queries.query(new FindPeerReviewQuery(reviewId),
                    ResponseTypes.instanceOf(PeerReviewView.class)).join();
            return review == null || !trustId.equals(review.trustId()) ? null : new Withholding.Parties(
                    review.reviewedSchoolId(), review.reviewingSchoolId(), review.reviewingTeamId());
        });
    }

    @GetMapping(EXPORT_PATH)
    public ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String trustId,
                                                        @AuthenticationPrincipal AccordUser caller) {
        String trust = DecisionLogVerifier.ownTrust(trustId, caller);
        Withholding withholding = withholdingFor(trust, caller);
        String file = "decision-log-" + trust + "-" + LocalDate.now(ZoneOffset.UTC) + ".json";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file, StandardCharsets.UTF_8).build().toString())
                .body(out -> verifier.export(trust, withholding, out));
    }

    /**
     * One decision and its inclusion proof, for {@code verify-decision}: same rule as reading the trust, its content
     * withheld as in an export.
     */
    @GetMapping(value = PROOF_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode proof(@RequestParam(required = false) String trustId, @RequestParam String eventId,
                            @AuthenticationPrincipal AccordUser caller) {
        String trust = DecisionLogVerifier.ownTrust(trustId, caller);
        return verifier.proof(trust, eventId, withholdingFor(trust, caller));
    }

    /** A consistency proof from an earlier size of the trust's log to its newest checkpoint. */
    @GetMapping(value = CONSISTENCY_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode consistency(@RequestParam(required = false) String trustId, @RequestParam long fromSize,
                                  @AuthenticationPrincipal AccordUser caller) {
        return verifier.consistency(DecisionLogVerifier.ownTrust(trustId, caller), fromSize);
    }

    @GetMapping(value = PUBLIC_KEY_PATH, produces = "application/x-pem-file")
    public ResponseEntity<String> publicKey() {
        return ResponseEntity.ok().header("X-Accord-Key-Id", keys.keyId()).body(keys.publicKeyPem());
    }

}
