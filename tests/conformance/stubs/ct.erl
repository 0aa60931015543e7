%% Stand-in for common_test's ct module, for girder's conformance runner
%% (tests/conformance/gd_runner.erl). Compiled only into build/conformance/ebin
%% and put on the code path of conformance runs, on erl and girder alike.
-module(ct).
-export([fail/1, fail/2, log/1, log/2, log/3, log/4, log/5, pal/1, pal/2, pal/3,
         pal/4, print/1, print/2, print/3, comment/1, comment/2, timetrap/1,
         sleep/1, get_config/1, get_config/2, get_config/3, get_status/0,
         abort_current_testcase/1, get_timetrap_info/0, capture_start/0,
         capture_stop/0, capture_get/0, capture_get/1, make_priv_dir/0,
         get_progname/0, userdata/2, userdata/3]).

fail(Reason) -> exit({test_case_failed, Reason}).
fail(Format, Args) ->
    exit({test_case_failed, lists:flatten(io_lib:format(Format, Args))}).

log(Format) -> log(Format, []).
log(X, Format) when is_atom(X); is_integer(X) -> log(Format, []);
log(Format, Args) -> out(Format, Args).
log(_, Format, Args) when is_atom(Format); is_integer(Format) -> log(Args, []);
log(_, Format, Args) -> out(Format, Args).
log(_, _, Format, Args) -> out(Format, Args).
log(_, _, Format, Args, _) -> out(Format, Args).

pal(Format) -> pal(Format, []).
pal(X, Format) when is_atom(X); is_integer(X) -> pal(Format, []);
pal(Format, Args) -> out(Format, Args).
pal(_, Format, Args) -> out(Format, Args).
pal(_, _, Format, Args) -> out(Format, Args).

print(Format) -> pal(Format).
print(A, B) -> pal(A, B).
print(A, B, C) -> pal(A, B, C).

%% Logs are not kept: formatting still runs (so a bad format crashes as
%% under common_test), and the text goes to the group leader, indented so
%% the runner's result lines stay at the start of their own lines.
out(Format, Args) ->
    Text = io_lib:format(Format, Args),
    io:put_chars(["    ", Text, "\n"]),
    ok.

comment(_) -> ok.
comment(Format, Args) -> _ = io_lib:format(Format, Args), ok.

%% The runner enforces one fixed time limit per case; suite timetraps are
%% accepted and ignored.
timetrap(_) -> ok.
get_timetrap_info() -> {30000, {false, 1}}.
sleep({hours, H}) -> timer:sleep(H * 3600000);
sleep({minutes, M}) -> timer:sleep(M * 60000);
sleep({seconds, S}) -> timer:sleep(S * 1000);
sleep(Ms) -> timer:sleep(Ms).

get_config(Key) -> get_config(Key, undefined).
get_config(_Key, Default) -> Default.
get_config(_Key, Default, _Opts) -> Default.
get_status() -> no_tests_running.
abort_current_testcase(Reason) -> exit({test_case_failed, Reason}).
capture_start() -> ok.
capture_stop() -> ok.
capture_get() -> [].
capture_get(_) -> [].
make_priv_dir() -> {error, not_supported}.
get_progname() -> "girder_conformance".
userdata(_, _) -> [].
userdata(_, _, _) -> [].
