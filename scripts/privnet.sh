#!/bin/bash
# armswatch's private Tor network for tests: 3 directory authorities, 3 relays, one tor process
# hosting one onion service per target port, and one client with a SOCKS port. Everything listens on
# 127.0.0.1 only. Needs Debian's `tor` package (tor, tor-gencert) and curl (for `wait`).
#
#   privnet.sh up   DIR TARGET_PORT[,TARGET_PORT...] [BASE_PORT]
#       Start the network. Onion service i forwards its port 80 to 127.0.0.1:TARGET_PORT_i.
#       Ports BASE_PORT .. BASE_PORT+299 are used (default base 15000).
#       With PRIVNET_OWNER_PID set, every tor process exits by itself (within ~15 s) once that
#       process is gone (tor's __OwningControllerProcess), and a watchdog runs `down` within a second
#       of its exit (and removes DIR too with PRIVNET_REMOVE_DIR=1): a crashed test run leaves nothing.
#   privnet.sh wait DIR [SECONDS]
#       Block until every onion service answers through the client's SOCKS port (default 300 s).
#   privnet.sh down DIR
#       Stop every tor process of DIR (by pid file), SIGKILL after 5 s.
#
# After `up`: DIR/env holds SOCKS_PORT, CONTROL_PORT (the client's, no auth), ONION (the first onion address) and ONIONS (all, space
# separated, in target order); DIR/arti.toml configures arti-client 0.47 for this network.
#
# Private-network quirks handled here (see also arti's example config):
# - arti 0.47 wants `v3idents` as a flat list of hex strings.
# - All relays share 127.0.0.1, so arti's same-/16 family rule must be off (prefix 33 / 129).
# - TestingTorNetwork makes C tor's onion-service time period 24 x V3AuthVotingInterval (8 min with
#   20 s votes); arti must use `hsdir_interval = 8` minutes or every descriptor lookup fails.
# - Relays need AssumeReachable (a 3-relay network cannot test reachability).
set -euo pipefail
cmd=${1:?usage: privnet.sh up|wait|down DIR ...}
B=${2:?missing DIR}

common() { # datadir nick
  cat <<C
TestingTorNetwork 1
PathsNeededToBuildCircuits 0.67
TestingDirAuthVoteExit *
TestingDirAuthVoteHSDir *
TestingDirAuthVoteGuard *
TestingMinExitFlagThreshold 0
V3AuthNIntervalsValid 2
DataDirectory $1
RunAsDaemon 1
Nickname $2
ShutdownWaitLength 0
PidFile $1/pid
Log notice file $1/notice.log
SafeLogging 0
LogTimeGranularity 1
Sandbox 0
C
  if [ -n "${PRIVNET_OWNER_PID:-}" ]; then echo "__OwningControllerProcess $PRIVNET_OWNER_PID"; fi
}

relay() { # datadir nick orport dirport
  common "$1" "$2"
  cat <<C
SocksPort 0
OrPort 127.0.0.1:$3
DirPort 127.0.0.1:$4
Address 127.0.0.1
AssumeReachable 1
ExitRelay 0
ServerDNSDetectHijacking 0
ServerDNSTestAddresses
ServerDNSResolvConfFile /dev/null
C
}

stop() {
  local pids alive p
  pids=$(cat "$B"/*/pid 2>/dev/null || true)
  for p in $pids; do kill "$p" 2>/dev/null || true; done
  alive=""
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    alive=""
    for p in $pids; do if kill -0 "$p" 2>/dev/null; then alive="$alive $p"; fi; done
    [ -z "$alive" ] && break
    sleep 0.5
  done
  for p in $alive; do kill -9 "$p" 2>/dev/null || true; done
}

case $cmd in
up)
  targets=${3:?missing TARGET_PORT}
  base=${4:-15000}
  command -v tor >/dev/null || { echo "privnet: tor is not installed (apt-get install -y tor)" >&2; exit 3; }
  command -v tor-gencert >/dev/null || { echo "privnet: tor-gencert is not installed (apt-get install -y tor)" >&2; exit 3; }
  if [ -d "$B" ]; then stop; fi
  rm -rf "$B"
  mkdir -p "$B"
  B=$(cd "$B" && pwd)
  auth=""; arti_ids=""; arti_dl=""; arti_fb=""
  for i in 0 1 2; do
    d=$B/a$i; mkdir -p "$d/keys"; chmod 700 "$d"
    orp=$((base + i)); dirp=$((base + 100 + i))
    relay "$d" auth$i $orp $dirp > "$d/torrc"
    cat >> "$d/torrc" <<C
AuthoritativeDirectory 1
V3AuthoritativeDirectory 1
ContactInfo auth$i@test.test
TestingV3AuthInitialVotingInterval 20
TestingV3AuthInitialVoteDelay 4
TestingV3AuthInitialDistDelay 4
V3AuthVotingInterval 20
V3AuthVoteDelay 4
V3AuthDistDelay 4
C
    (cd "$d/keys" && echo "" | tor-gencert --create-identity-key --passphrase-fd 0 -i authority_identity_key \
      -s authority_signing_key -c authority_certificate -m 12 -a 127.0.0.1:$dirp >/dev/null 2>&1)
    fp=$(tor --ignore-missing-torrc -f /dev/null --orport 1 --datadirectory "$d" --list-fingerprint 2>/dev/null \
      | tail -1 | awk '{$1=""; print}' | tr -d ' ')
    ed=$(awk '{print $2}' "$d/fingerprint-ed25519" 2>/dev/null || true)
    v3=$(awk '/^fingerprint/{print $2}' "$d/keys/authority_certificate")
    auth+="DirAuthority auth$i orport=$orp no-v2 v3ident=$v3 127.0.0.1:$dirp $fp"$'\n'
    arti_ids+="\"$v3\", "; arti_dl+="[\"127.0.0.1:$dirp\"], "
    arti_fb+="  { rsa_identity = \"$fp\", ed_identity = \"$ed\", orports = [\"127.0.0.1:$orp\"] },"$'\n'
  done
  for i in 0 1 2; do
    d=$B/r$i; mkdir -p "$d"; chmod 700 "$d"
    relay "$d" relay$i $((base + 10 + i)) $((base + 110 + i)) > "$d/torrc"
  done
  d=$B/hs; mkdir -p "$d"; chmod 700 "$d"; common "$d" hs > "$d/torrc"
  echo "SocksPort 0" >> "$d/torrc"
  n=0
  for t in ${targets//,/ }; do
    mkdir -p "$d/onion$n"; chmod 700 "$d/onion$n"
    printf 'HiddenServiceDir %s/onion%s\nHiddenServicePort 80 127.0.0.1:%s\nHiddenServiceVersion 3\n' "$d" "$n" "$t" >> "$d/torrc"
    # The proof-of-work defence markets turn on under load (tor 0.4.8+): descriptors carry pow-params.
    echo "HiddenServicePoWDefensesEnabled 1" >> "$d/torrc"
    n=$((n + 1))
  done
  socks=$((base + 200))
  d=$B/c; mkdir -p "$d"; chmod 700 "$d"; common "$d" client > "$d/torrc"
  control=$((base + 201))
  # ExtendedErrors: onion failures come back as distinct SOCKS replies (F0 descriptor not found, F2
  # introduction failed, F3 rendezvous failed...). The control port (no authentication: loopback,
  # tests only) lets tests watch STREAM events for circuit isolation.
  { echo "SocksPort 127.0.0.1:$socks ExtendedErrors"; echo "ControlPort 127.0.0.1:$control"; } >> "$d/torrc"
  for node in a0 a1 a2 r0 r1 r2 hs c; do echo "$auth" >> "$B/$node/torrc"; done
  for node in a0 a1 a2 r0 r1 r2 hs c; do
    tor -f "$B/$node/torrc" > "$B/$node.start.log" 2>&1 || { echo "privnet: tor $node failed to start, see $B/$node.start.log" >&2; stop; exit 1; }
  done
  if [ -n "${PRIVNET_OWNER_PID:-}" ]; then
    # Watchdog: stop the network (and with PRIVNET_REMOVE_DIR=1 remove DIR) once the owner exits.
    self=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
    setsid bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 1; done; bash "$2" down "$3"; if [ "$4" = 1 ]; then rm -rf "$3"; fi' \
      privnet-watchdog "$PRIVNET_OWNER_PID" "$self" "$B" "${PRIVNET_REMOVE_DIR:-0}" </dev/null >/dev/null 2>&1 &
  fi
  cat > "$B/arti.toml" <<C
# arti-client configuration for armswatch's private Tor network in $B (generated by privnet.sh).
[tor_network]
fallback_caches = [
$arti_fb]
[tor_network.authorities]
v3idents = [ ${arti_ids%, } ]
downloads = [ ${arti_dl%, } ]
uploads = [ ${arti_dl%, } ]
votes = [ ${arti_dl%, } ]
[storage.permissions]
dangerously_trust_everyone = true
[address_filter]
allow_local_addrs = true
# All relays share 127.0.0.1: disable arti's same-/16 (and /32) family rule.
[path_rules]
ipv4_subnet_family_prefix = 33
ipv6_subnet_family_prefix = 129
# C tor with TestingTorNetwork uses an onion-service time period of 24 * V3AuthVotingInterval
# seconds (24 * 20 s = 8 min) instead of a day; arti must match it.
[override_net_params]
hsdir_interval = 8
C
  onions=""
  for ((i = 0; i < n; i++)); do
    for _ in $(seq 1 50); do [ -s "$B/hs/onion$i/hostname" ] && break; sleep 0.1; done
    onions+="$(cat "$B/hs/onion$i/hostname") "
  done
  onions=${onions% }
  { echo "SOCKS_PORT=$socks"; echo "CONTROL_PORT=$control"; echo "ONION=${onions%% *}"; echo "ONIONS=\"$onions\""; } > "$B/env"
  cat "$B/env"
  ;;
wait)
  limit=${3:-300}
  newnym() { # the client's control port takes no authentication (loopback, tests only)
    { exec 3<>"/dev/tcp/127.0.0.1/$CONTROL_PORT" \
        && printf 'AUTHENTICATE\r\nSIGNAL NEWNYM\r\nQUIT\r\n' >&3 \
        && timeout 5 cat <&3 >/dev/null; exec 3<&- 3>&-; } 2>/dev/null || true
  }
  # shellcheck disable=SC1091
  . "$B/env"
  start=$(date +%s)
  for onion in $ONIONS; do
    until curl -s -m 20 --socks5-hostname "127.0.0.1:$SOCKS_PORT" "http://$onion/" -o /dev/null; do
      if [ $(( $(date +%s) - start )) -ge "$limit" ]; then
        echo "privnet: $onion not reachable after ${limit}s (logs: $B/*/notice.log)" >&2
        exit 1
      fi
      # A client that asked every HSDir before the service's descriptor was there does not ask
      # them again for 15 minutes (tor's re-query period), longer than this wait: on a loaded
      # machine the first lookup often comes too early. NEWNYM purges that client-side onion
      # state (tor rate-limits it to one per 10 s; an early one is just ignored).
      newnym
      sleep 2
    done
  done
  echo "privnet ready after $(( $(date +%s) - start ))s"
  ;;
down)
  stop
  ;;
*)
  echo "usage: privnet.sh up|wait|down DIR ..." >&2
  exit 2
  ;;
esac
