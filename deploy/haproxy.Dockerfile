# HAProxy from Debian's package (the same 2.6 the local recipe uses), for compose.yaml.
FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends haproxy \
    && rm -rf /var/lib/apt/lists/*
USER haproxy
# master-worker in the foreground: logs on stdout (docker compose logs haproxy); SIGUSR2 reloads
CMD ["haproxy", "-W", "-db", "-f", "/etc/haproxy/haproxy.cfg"]
