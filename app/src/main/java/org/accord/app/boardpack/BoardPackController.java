package org.accord.app.boardpack;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.accord.api.shared.DomainException;
import org.accord.app.security.AccordUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The board pack for a date range, as a PDF to file and as CSV: {@code GET /board-pack.pdf} and
 * {@code /board-pack.csv} with {@code trustId} and optional {@code from} and {@code to} (ISO dates, inclusive).
 * Signed in like every request; read like the decision log (a caller of another trust gets 404).
 */
@RestController
public class BoardPackController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final BoardPackAssembler assembler;

    public BoardPackController(BoardPackAssembler assembler) {
        this.assembler = assembler;
    }

    @GetMapping("/board-pack.pdf")
    public ResponseEntity<byte[]> pdf(@RequestParam(required = false) String trustId,
                                      @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @AuthenticationPrincipal AccordUser caller) {
        BoardPack pack = assembler.assemble(caller, trustId, date("from", from), date("to", to));
        return download(BoardPackPdf.render(pack), MediaType.APPLICATION_PDF, pack, "pdf");
    }

    @GetMapping("/board-pack.csv")
    public ResponseEntity<byte[]> csv(@RequestParam(required = false) String trustId,
                                      @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @AuthenticationPrincipal AccordUser caller) {
        BoardPack pack = assembler.assemble(caller, trustId, date("from", from), date("to", to));
        return download(BoardPackCsv.write(pack).getBytes(StandardCharsets.UTF_8), CSV, pack, "csv");
    }


    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, BoardPack pack, String extension) {
        String name = "board-pack-" + pack.trustId().replaceAll("[^A-Za-z0-9-]", "_") + "-"
                + (pack.from() == null ? "start" : pack.from()) + "-to-" + (pack.to() == null ? "now" : pack.to())
                + "." + extension;
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw DomainException.badRequest(name + " must be an ISO date such as 2027-09-01, not '" + value + "'");
        }
    }
}
