package org.accord.app.graphql;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.ByteArrayInputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A GraphQL request over HTTP is a JSON object. Spring GraphQL reads the JSON literal {@code null} as no request and
 * fails on it with a NullPointerException, answered as a server error (500); arrays, strings and numbers fail in the
 * reader. This looks at the first byte that is not white space, without buffering the body, and refuses anything but
 * an object as the client's mistake (BAD_REQUEST).
 */
@Component
public class JsonObjectBodies extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/graphql")
                || request.getContentType() == null || !request.getContentType().toLowerCase().contains("json");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        InputStream in = request.getInputStream();
        ByteArrayOutputStream prefix = new ByteArrayOutputStream();
        int b;
        do {
            b = in.read();
            if (b >= 0) {
                prefix.write(b);
            }
        } while (b == ' ' || b == '\t' || b == '\r' || b == '\n');
        if (b != '{') {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write(MalformedRequestsAsBadRequest.json(MalformedRequestsAsBadRequest.NOT_A_REQUEST));
            return;
        }
        InputStream replayed = new SequenceInputStream(new ByteArrayInputStream(prefix.toByteArray()), in);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public ServletInputStream getInputStream() {
                return new ServletInputStream() {
                    private boolean finished;

                    @Override
                    public int read() throws IOException {
                        int next = replayed.read();
                        finished = next < 0;
                        return next;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = replayed.read(buffer, offset, length);
                        finished = n < 0;
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return finished;
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        throw new UnsupportedOperationException("blocking reads only");
                    }
                };
            }
        }, response);
    }
}
