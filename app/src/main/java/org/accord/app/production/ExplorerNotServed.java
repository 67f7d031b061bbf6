package org.accord.app.production;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The explorer (static/explorer.html) is for trying Accord, not for production, where introspection is off too: it
 * answers 404 there, while the board's pages, static files from the same jar, are served in both modes.
 */
@Component
@Profile("production")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ExplorerNotServed extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("/explorer.html".equals(request.getRequestURI())) {
            response.setStatus(HttpStatus.NOT_FOUND.value()); // no error dispatch: nothing to sign in for
            return;
        }
        chain.doFilter(request, response);
    }
}
