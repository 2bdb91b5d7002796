package legion.web;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.AbstractMultipartHttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import legion.shared.BoundedUpload;

/**
 * Reads the multipart body of every {@link BoundedUpload} form itself, streaming (Commons FileUpload), before Spring
 * Security (whose CSRF check reads the form's fields) and instead of the container's multipart parsing, whose
 * limits refuse the whole body, typed fields and all (ADR 0155):
 * <ul>
 * <li>fields are read as usual, at most {@link #MAX_FIELD_BYTES} in all (more is a {@code 400});</li>
 * <li>a file is kept up to the form's limit; a file over it is not kept and its field is named in
 * {@link BoundedUpload#OVER_LIMIT}; the rest of the body is still read and dropped, so the browser gets the
 * application's answer (a page that tells the limit, the answer kept), up to {@code legion.web.upload-read-limit}
 * (100 MB) — beyond, the body is left unread and the connection is closed after the answer
 * ({@link SlowClients}); the browser may then show its own error page, but the answer the application gave
 * (flash attributes, in the session) is shown on the volunteer's next visit of the page;</li>
 * <li>a body that stops arriving (the client's deadline, {@link SlowClients}) once a file is known to be over the
 * limit is answered the same way.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class BoundedUploads extends OncePerRequestFilter {

    /** The most the fields of one such form may have, together (the portal's longest answer is 4,000 characters). */
    static final int MAX_FIELD_BYTES = 256 * 1024;
    private static final int MAX_PARTS = 32;

    private final Map<String, BoundedUpload> forms;
    private final long readLimit;

    BoundedUploads(List<BoundedUpload> forms, @Value("${legion.web.upload-read-limit:100MB}") DataSize readLimit) {
        this.forms = forms.stream().collect(Collectors.toMap(BoundedUpload::path, Function.identity()));
        this.readLimit = readLimit.toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            // the error page is dispatched as a GET, with the form's body and content type
            String type = request.getContentType();
            return type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")
                    || !forms.containsKey(path(request));
        }
        return !"POST".equals(request.getMethod()) || !JakartaServletFileUpload.isMultipartContent(request)
                || !forms.containsKey(path(request));
    }

    /** The error page of such a form (a refused CSRF token) must not have the container parse the body again. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private static String path(HttpServletRequest request) {
        Object failed = request.getDispatcherType() == DispatcherType.ERROR
                ? request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) : null;
        String uri = failed instanceof String s ? s : request.getRequestURI();
        return uri.substring(Math.min(uri.length(), request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            // the body was read when the form was: the error page sees an empty form, not the container's parse
            // of a body gone (which answered 413 for a large one, whatever the error was)
            chain.doFilter(new Consumed(request), response);
            return;
        }
        BoundedUpload form = forms.get(path(request));
        Form read = new Form(request);
        try {
            read(request, form, read);
        } catch (IOException e) {
            // once a file is known to be over the limit, that is the answer, however the rest of the body went
            if (read.overLimit.isEmpty()) {
                if (clientAbort(e)) {
                    throw e; // the client went away, or its body did not arrive in time (SlowClients)
                }
                response.sendError(HttpServletResponse.SC_BAD_REQUEST); // not a form the platform reads
                return;
            }
        }
        read.complete();
        request.setAttribute(BoundedUpload.OVER_LIMIT, Set.copyOf(read.overLimit));
        chain.doFilter(read, response);
    }

    private static boolean clientAbort(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.catalina.connector.ClientAbortException
                    || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private void read(HttpServletRequest request, BoundedUpload form, Form read) throws IOException {
        long declared = request.getContentLengthLong();
        boolean drain = declared >= 0 && declared <= readLimit;
        // a body declared this long cannot hold a file within the limit beside the fields the platform takes
        boolean declaredOver = declared > form.maxFileBytes() + MAX_FIELD_BYTES + MAX_PARTS * 1024L;
        Charset charset = request.getCharacterEncoding() == null ? StandardCharsets.UTF_8
                : Charset.forName(request.getCharacterEncoding());
        FileItemInputIterator items = new JakartaServletFileUpload<>().getItemIterator(request);
        int fieldBytes = 0;
        for (int parts = 1; items.hasNext(); parts++) {
            if (parts > MAX_PARTS) {
                throw new Malformed();
            }
            FileItemInput item = items.next();
            String name = item.getFieldName();
            if (name == null) {
                continue;
            }
            InputStream in = item.getInputStream();
            if (item.isFormField()) {
                byte[] value = in.readNBytes(MAX_FIELD_BYTES - fieldBytes + 1);
                fieldBytes += value.length;
                if (fieldBytes > MAX_FIELD_BYTES) {
                    throw new Malformed();
                }
                read.parameters.add(name, new String(value, charset));
                in.close();
                continue;
            }
            byte[] content;
            try {
                content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, form.maxFileBytes() + 1));
            } catch (IOException stopped) {
                if (declaredOver) {
                    read.overLimit.add(name);
                }
                throw stopped;
            }
            if (content.length <= form.maxFileBytes()) {
                read.files.add(name, new Kept(name, item.getName(), item.getContentType(), content));
                in.close();
                continue;
            }
            read.overLimit.add(name);
            if (!drain) {
                return; // the rest left unread (not even this file's): the connection closes after the answer
            }
            in.close(); // reads the rest of this file and drops it
        }
    }

    /** A form the platform does not read: too many parts or fields too long. */
    private static final class Malformed extends IOException {
        Malformed() {
            super("multipart form with too many parts or too long fields");
        }
    }

    /** The request as the controller sees it: the fields and the files kept, nothing read from the body again. */
    private static final class Form extends AbstractMultipartHttpServletRequest {

        final MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        final MultiValueMap<String, MultipartFile> files = new LinkedMultiValueMap<>();

        /** Once the body is read: Spring copies the map of files, so it is handed over complete. */
        void complete() {
            setMultipartFiles(files);
        }
        final Set<String> overLimit = new HashSet<>();

        Form(HttpServletRequest request) {
            super(request);
            String query = request.getQueryString();
            if (query != null) {
                UriComponentsBuilder.fromUriString("?" + query).build().getQueryParams().forEach((k, values) ->
                        values.forEach(v -> parameters.add(decode(k), v == null ? "" : decode(v))));
            }
        }

        private static String decode(String s) {
            return UriUtils.decode(s.replace('+', ' '), StandardCharsets.UTF_8);
        }

        @Override
        public String getParameter(String name) {
            return parameters.getFirst(name);
        }

        @Override
        public String[] getParameterValues(String name) {
            List<String> values = parameters.get(name);
            return values == null ? null : values.toArray(String[]::new);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> map = new LinkedHashMap<>();
            parameters.forEach((k, v) -> map.put(k, v.toArray(String[]::new)));
            return Collections.unmodifiableMap(map);
        }

        @Override
        public String getMultipartContentType(String paramOrFileName) {
            MultipartFile file = getFile(paramOrFileName);
            return file == null ? null : file.getContentType();
        }

        @Override
        public HttpHeaders getMultipartHeaders(String paramOrFileName) {
            String type = getMultipartContentType(paramOrFileName);
            HttpHeaders headers = new HttpHeaders();
            if (type != null) {
                headers.setContentType(org.springframework.http.MediaType.parseMediaType(type));
            }
            return headers;
        }
    }

    /** A form whose body was read already: no field, no part. */
    private static final class Consumed extends HttpServletRequestWrapper {

        Consumed(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public java.util.Collection<jakarta.servlet.http.Part> getParts() {
            return List.of();
        }

        @Override
        public jakarta.servlet.http.Part getPart(String name) {
            return null;
        }
    }

    /** A file within its form's limit, in memory. */
    private record Kept(String name, String originalName, String type, byte[] content) implements MultipartFile {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getOriginalFilename() {
            return originalName;
        }

        @Override
        public String getContentType() {
            return type;
        }

        @Override
        public boolean isEmpty() {
            return content.length == 0;
        }

        @Override
        public long getSize() {
            return content.length;
        }

        @Override
        public byte[] getBytes() {
            return content.clone();
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(content);
        }

        @Override
        public void transferTo(File dest) throws IOException {
            java.nio.file.Files.write(dest.toPath(), content);
        }
    }
}
