%% Stand-in for common_test's test_server module, for girder's conformance
%% runner (tests/conformance/gd_runner.erl). Compiled only into
%% build/conformance/ebin and on the code path of conformance runs only.
-module(test_server).
-export([lookup_config/2, timetrap/1, timetrap_cancel/1, timetrap_cancel/0,
         timetrap_scale_factor/0, fail/0, fail/1, format/1, format/2, format/3,
         seconds/1, minutes/1, hours/1, is_native/1, break/1, break/2,
         temp_name/1, do_times/2, do_times/4, timecall/3, sleep/1,
         adjusted_sleep/1, is_debug/0, is_valgrind/0, is_cover/0,
         valgrind_format/2, comment/1, messages_get/0, m_out_of_n/3,
         call_crash/3, call_crash/4, call_crash/5, os_type/0, capture_start/0,
         capture_stop/0, capture_get/0, run_on_shielded_node/2,
         is_release_available/1, appup_test/1, in_run_test_case/0]).

lookup_config(Key, Config) ->
    case lists:keyfind(Key, 1, Config) of
        {Key, Value} -> Value;
        false -> []
    end.

timetrap(_) -> make_ref().
timetrap_cancel(_) -> ok.
timetrap_cancel() -> ok.
timetrap_scale_factor() -> 1.

fail() -> exit(suite_failed).
fail(Reason) -> exit({suite_failed, Reason}).

format(Format) -> format(Format, []).
format(Detail, Format) when is_integer(Detail) -> format(Format, []);
format(Format, Args) -> io:put_chars(["    ", io_lib:format(Format, Args), "\n"]).
format(_, Format, Args) -> format(Format, Args).
comment(_) -> ok.
valgrind_format(_, _) -> ok.

seconds(N) -> N * 1000.
minutes(N) -> N * 60000.
hours(N) -> N * 3600000.
sleep(Ms) -> timer:sleep(Ms).
adjusted_sleep(Ms) -> timer:sleep(Ms).

is_native(_) -> false.
is_debug() -> false.
is_valgrind() -> false.
is_cover() -> false.
in_run_test_case() -> true.
os_type() -> os:type().
is_release_available(_) -> false.

break(Comment) -> exit({test_case_failed, {break_called, Comment}}).
break(_, Comment) -> break(Comment).

temp_name(Stem) ->
    Stem ++ integer_to_list(erlang:unique_integer([positive])).

do_times(0, _) -> ok;
do_times(N, Fun) -> Fun(), do_times(N - 1, Fun).
do_times(0, _, _, _) -> ok;
do_times(N, M, F, A) -> apply(M, F, A), do_times(N - 1, M, F, A).

timecall(M, F, A) ->
    T0 = erlang:monotonic_time(microsecond),
    Value = apply(M, F, A),
    T1 = erlang:monotonic_time(microsecond),
    {(T1 - T0) / 1000000, Value}.

m_out_of_n(M, N, Fun) -> m_out_of_n(M, N, Fun, N).
m_out_of_n(0, _, _, _) -> ok;
m_out_of_n(_, _, _, 0) -> exit(m_out_of_n_failed);
m_out_of_n(M, N, Fun, Left) ->
    try Fun() of _ -> m_out_of_n(M - 1, N, Fun, Left - 1)
    catch _:_ -> m_out_of_n(M, N, Fun, Left - 1)
    end.

messages_get() -> [].

call_crash(M, F, A) -> call_crash(infinity, M, F, A).
call_crash(T, M, F, A) -> call_crash(T, any, M, F, A).
call_crash(_T, Crash, M, F, A) ->
    case catch apply(M, F, A) of
        {'EXIT', Reason} when Crash =:= any; Reason =:= Crash -> Reason;
        Other -> exit({wrong_crash_reason, Other})
    end.

capture_start() -> ok.
capture_stop() -> ok.
capture_get() -> [].
run_on_shielded_node(Fun, _) -> Fun().
appup_test(_) -> {skip, no_appup_test_in_conformance_runner}.
