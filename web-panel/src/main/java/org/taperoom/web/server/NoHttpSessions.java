package org.taperoom.web.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps Jetty from ever making an HTTP session. Javalin asks for one on every WebSocket upgrade
 * (to copy its attributes), which made Jetty keep a session and send a {@code JSESSIONID} for
 * each, logged in or not: 3,000 upgrades by a stranger, 3,000 sessions in memory. The panel's own
 * login ({@link org.taperoom.web.security.Sessions}) is its only session; here every request
 * that asks gets an empty session of its own, which lives and dies with the request.
 */
final class NoHttpSessions implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        chain.doFilter(request instanceof HttpServletRequest http ? new Request(http) : request, response);
    }

    private static final class Request extends HttpServletRequestWrapper {
        private HttpSession session;

        Request(HttpServletRequest request) {
            super(request);
        }

        @Override
        public HttpSession getSession(boolean create) {
            if (session == null && create) session = new RequestSession(getServletContext());
            return session;
        }

        @Override
        public HttpSession getSession() {
            return getSession(true);
        }

        @Override
        public String getRequestedSessionId() {
            return null;
        }

        @Override
        public boolean isRequestedSessionIdValid() {
            return false;
        }
    }

    /** A session no one else can see: never stored, never sent as a cookie. One request thread. */
    private static final class RequestSession implements HttpSession {
        private final ServletContext context;
        private final long createdMillis = System.currentTimeMillis();
        private final Map<String, Object> attributes = new HashMap<>();

        RequestSession(ServletContext context) {
            this.context = context;
        }

        @Override
        public long getCreationTime() {
            return createdMillis;
        }

        @Override
        public String getId() {
            return "";
        }

        @Override
        public long getLastAccessedTime() {
            return createdMillis;
        }

        @Override
        public ServletContext getServletContext() {
            return context;
        }

        @Override
        public void setMaxInactiveInterval(int seconds) {}

        @Override
        public int getMaxInactiveInterval() {
            return 0;
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.get(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return Collections.enumeration(attributes.keySet());
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
        }

        @Override
        public void invalidate() {
            attributes.clear();
        }

        @Override
        public boolean isNew() {
            return true;
        }
    }
}
