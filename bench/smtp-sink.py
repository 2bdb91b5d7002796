#!/usr/bin/env python3
"""A mail server for benchmarks: speaks enough SMTP for Jakarta Mail, keeps nothing, and answers every command (and
the greeting) after DELAY_MS, standing for the round trip to a relay across a network. Counts connections and
messages; prints them on SIGTERM or when asked with SIGUSR1.
    python3 bench/smtp-sink.py PORT DELAY_MS"""
import signal, socketserver, sys, threading, time

PORT, DELAY = int(sys.argv[1]), float(sys.argv[2]) / 1000.0
lock = threading.Lock()
counts = {"connections": 0, "messages": 0}


class Handler(socketserver.StreamRequestHandler):
    def reply(self, text):
        time.sleep(DELAY)
        self.wfile.write(text.encode("ascii"))
        self.wfile.flush()

    def handle(self):
        with lock:
            counts["connections"] += 1
        self.reply("220 sink ESMTP\r\n")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                self.reply("250-sink\r\n250-8BITMIME\r\n250 SIZE 10485760\r\n")
            elif verb == b"DATA":
                self.reply("354 go on\r\n")
                while True:
                    data = self.rfile.readline()
                    if not data or data == b".\r\n":
                        break
                with lock:
                    counts["messages"] += 1
                self.reply("250 taken\r\n")
            elif verb == b"QUIT":
                self.reply("221 bye\r\n")
                return
            else:
                self.reply("250 ok\r\n")


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128


def report(*_):
    with lock:
        print(f"SINK connections={counts['connections']} messages={counts['messages']}", flush=True)


def stop(*_):
    report()
    sys.exit(0)


signal.signal(signal.SIGUSR1, report)
signal.signal(signal.SIGTERM, stop)
Server(("127.0.0.1", PORT), Handler).serve_forever()
