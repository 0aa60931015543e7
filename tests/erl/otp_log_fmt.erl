%% otp_log_fmt.erl — helpers for the otp_* tests: a logger formatter that is
%% OTP's own logger_formatter minus what differs between two VMs or two
%% runs (every pid becomes <0.0.0> before formatting, so line breaks stay
%% the same; the time in report headers and the heap_size, stack_size and
%% reductions of crash reports are masked), and a logger handler that
%% forwards each event to a process. main/0 shows the masking.
-module(otp_log_fmt).
-export([main/0, use_on_default/0, sync/0, print/1]).
-export([format/2, check_config/1]).
-export([adding_handler/1, removing_handler/1, log/2]).

main() ->
    Event = #{level => error,
              msg => {report, #{label => {supervisor, child_terminated},
                                report => [{supervisor, {self(), otp_log_fmt}},
                                           {errorContext, child_terminated},
                                           {reason, crash},
                                           {offender, [{pid, self()}, {id, a}]}]}},
              meta => #{time => logger:timestamp(), pid => self(),
                        logger_formatter => #{title => "SUPERVISOR REPORT"},
                        error_logger => #{tag => error_report, type => supervisor_report}}},
    print(Event),
    print(Event#{msg := {"~p in ~p~n  heap_size: 17~n", [make_ref(), self()]}}).

%% The default handler (logger_std_h on standard_io, as kernel adds it)
%% formats with this module from now on, with the same settings.
use_on_default() ->
    {ok, #{formatter := {logger_formatter, Config}}} = logger:get_handler_config(default),
    ok = logger:update_handler_config(default, formatter, {?MODULE, Config}).

%% Wait until the default handler has written out every event logged so far.
sync() ->
    ok = logger_std_h:filesync(default).

print(Event) ->
    {ok, #{formatter := {_, Config}}} =
        case logger:get_handler_config(default) of
            {ok, _} = Found -> Found;
            _ -> {ok, #{formatter => {?MODULE, #{legacy_header => true, single_line => false}}}}
        end,
    io:put_chars(format(Event, Config)).

%% --- formatter callbacks ---

check_config(Config) ->
    logger_formatter:check_config(Config).

format(Event, Config) ->
    Text = unicode:characters_to_list(logger_formatter:format(no_pids(Event), Config)),
    lists:flatten(lists:join("\n", [mask(L) || L <- lines(Text, [])])).

no_pids(P) when is_pid(P) -> list_to_pid("<0.0.0>");
no_pids(R) when is_reference(R) -> ref;
no_pids(T) when is_tuple(T) -> list_to_tuple(no_pids(tuple_to_list(T)));
no_pids([H|T]) -> [no_pids(H)|no_pids(T)];
no_pids(M) when is_map(M) -> maps:from_list(no_pids(maps:to_list(M)));
no_pids(X) -> X.

lines([], Acc) -> [lists:reverse(Acc)];
lines([$\n|T], Acc) -> [lists:reverse(Acc) | lines(T, [])];
lines([C|T], Acc) -> lines(T, [C|Acc]).

mask("=" ++ _ = Line) ->
    case split_at("==== ", Line, []) of
        {Head, _Time} -> Head ++ "==== TIME ===";
        nomatch -> Line
    end;
mask(Line) ->
    {Indent, Rest} = lists:splitwith(fun(C) -> C =:= $\s end, Line),
    case [K || K <- ["heap_size: ", "stack_size: ", "reductions: "], lists:prefix(K, Rest)] of
        [K] -> Indent ++ K ++ "N";
        [] -> Line
    end.

split_at(_Sep, [], _Acc) -> nomatch;
split_at(Sep, [C|T] = L, Acc) ->
    case lists:prefix(Sep, L) of
        true -> {lists:reverse(Acc), L};
        false -> split_at(Sep, T, [C|Acc])
    end.

%% --- handler callbacks: forward events to config => #{to => Pid} ---

adding_handler(Config) -> {ok, Config}.
removing_handler(_Config) -> ok.
log(Event, #{config := #{to := Pid}}) -> Pid ! {logged, Event}, ok.
