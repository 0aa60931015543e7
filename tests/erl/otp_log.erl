%% otp_log.erl — kernel's logger as the boot leaves it (default handler,
%% levels, kernel's application env), the logger and error_logger APIs,
%% error_logger's old-style report handlers, and the events the VM itself
%% sends: "Error in process ~p with exit value" for an uncaught error or
%% throw (not for an exit) to the system logger, which
%% erlang:system_flag(system_logger, L) redirects. Events are caught by a
%% forwarding handler (otp_log_fmt) and printed with logger_formatter.
-module(otp_log).
-export([main/0]).

main() ->
    boot_state(),
    ok = logger:remove_handler(default),
    ok = logger:add_handler(fwd, otp_log_fmt, #{config => #{to => self()}}),
    api(),
    vm_events(),
    system_logger_flag(),
    legacy_handler(),
    ok.

boot_state() ->
    {ok, #{module := Mod, config := #{type := Type}, formatter := Fmt}} =
        logger:get_handler_config(default),
    io:format("handlers ~p, default ~p ~p ~p~n", [logger:get_handler_ids(), Mod, Type, Fmt]),
    io:format("primary level ~p~n", [maps:get(level, logger:get_primary_config())]),
    io:format("kernel env ~p~n", [[{K, application:get_env(kernel, K)} ||
                                     K <- [logger_level, logger_sasl_compatible, error_logger]]]),
    io:format("loaded ~p~n", [lists:sort([A || {A, _, _} <- application:loaded_applications()])]),
    io:format("format depth ~p~n", [error_logger:get_format_depth()]),
    io:format("system logger is logger_proxy: ~p~n",
              [erlang:system_info(system_logger) =:= whereis(logger_proxy)]).

api() ->
    logger:error("plain ~p", [1]),
    show(),
    logger:info("below the primary level"),
    logger:notice(#{what => report, n => 2}),
    show(),
    logger:warning("with meta", #{domain => [test]}),
    show(),
    error_logger:error_msg("error_msg ~p~n", [x]),
    show(),
    error_logger:error_report([{a, 1}, b]),
    show(),
    error_logger:warning_msg("warning_msg~n"),
    show(),
    error_logger:info_msg("info_msg is a notice~n"),
    show(),
    error_logger:info_report(progress, [{info_report, is_notice}]),
    show(),
    error_logger:warning_report(custom, {x, y}),
    show(),
    proc_lib:spawn(fun() -> error(in_proc_lib) end),
    show().

%% Print the next event as logger_formatter writes it, and its level and
%% error_logger metadata.
show() ->
    receive
        {logged, #{level := Level, meta := Meta} = Event} ->
            io:format("-- ~p ~p~n", [Level, maps:get(error_logger, Meta, none)]),
            otp_log_fmt:print(Event)
    after 5000 ->
            io:format("-- no event~n")
    end.

vm_events() ->
    die(fun() -> error({vm, boom}) end),
    show_vm(),
    die(fun() -> throw(thrown) end),
    show_vm(),
    die(fun() -> exit(not_logged) end),
    die(fun() -> 1 = erlang:phash2(x) end),
    show_vm().

die(F) ->
    {Pid, Ref} = spawn_monitor(F),
    receive {'DOWN', Ref, process, Pid, _} -> Pid end.

show_vm() ->
    receive
        {logged, #{level := Level, msg := {Format, [P, Reason]}, meta := Meta} = Event} ->
            io:format("-- ~p ~p ~p ~p~n", [Level, is_pid(P), maps:get(error_logger, Meta),
                                           lists:sort(maps:keys(maps:with([gl, pid, time], Meta)))]),
            io:format("~s | ~p~n", [Format, element(1, Reason)]),
            otp_log_fmt:print(Event)
    after 5000 ->
            io:format("-- no event~n")
    end.

system_logger_flag() ->
    Old = erlang:system_flag(system_logger, self()),
    io:format("old was logger_proxy: ~p~n", [Old =:= whereis(logger_proxy)]),
    io:format("now self: ~p~n", [erlang:system_info(system_logger) =:= self()]),
    Pid = die(fun() -> error(to_me) end),
    receive
        {log, Level, Format, [P, Reason], Meta} ->
            io:format("raw: ~p ~s ~p ~p~n", [Level, Format, P =:= Pid, element(1, Reason)]),
            io:format("meta: ~p ~p ~p ~p~n",
                      [lists:sort(maps:keys(Meta)), maps:get(error_logger, Meta),
                       maps:get(pid, Meta) =:= Pid, maps:get(gl, Meta) =:= group_leader()]),
            io:format("time is system time in us: ~p~n",
                      [abs(maps:get(time, Meta) - os:system_time(microsecond)) < 60000000])
    after 5000 -> io:format("no raw event~n")
    end,
    Self = self(),
    Self = erlang:system_flag(system_logger, undefined),
    die(fun() -> error(dropped) end),
    undefined = erlang:system_flag(system_logger, self()),
    Pid2 = die(fun() -> error(second) end),
    receive {log, _, _, [P2, R2], _} -> io:format("next: ~p ~p~n", [P2 =:= Pid2, element(1, R2)]) end,
    io:format("badarg: ~p~n", [catch erlang:system_flag(system_logger, foo)]),
    Self = erlang:system_flag(system_logger, Old),
    ok.

%% error_logger:add_report_handler/2 starts the error_logger event manager
%% and adds it as a logger handler; events reach its gen_event handlers in
%% the old {Tag, GL, {Pid, Format, Args}} form.
legacy_handler() ->
    ok = error_logger:add_report_handler(otp_gen_evh, []),
    error_logger:error_msg("legacy ~p~n", [1]),
    show(),
    error_logger:warning_report([{w, 2}]),
    show(),
    Events = gen_event:call(error_logger, otp_gen_evh, get),
    io:format("legacy: ~p~n", [[{Tag, What} || {Tag, _Gl, {_Pid, What, _}} <- Events]]),
    io:format("handlers: ~p~n", [lists:sort(logger:get_handler_ids())]),
    error_logger:delete_report_handler(otp_gen_evh),
    io:format("handlers: ~p~n", [lists:sort(logger:get_handler_ids())]).
