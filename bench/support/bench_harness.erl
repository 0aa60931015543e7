%% bench_harness.erl — `make bench`: reads the header of every bench/*.erl,
%% runs each variant on erl and on girder alternately, compares the RESULT
%% lines, prints the table with per-group geometric means, writes
%% bench/results/latest.json and draws the ratios with gnuplot.
%% docs/benchmarks.md describes the header keys and the output lines.
-module(bench_harness).
-export([main/1]).

-define(GROUPS, ["sequential", "processes", "memory", "startup"]).
-define(OUT, "build/bench").
-define(RESULTS, "bench/results").

%% ---- entry: main([GirderPath, "quick"|"full", Runs, Only])
main([Girder, Mode, RunsS, Only]) ->
    Quick = Mode =:= "quick",
    Runs = list_to_integer(RunsS),
    Progs = select(programs(), Only),
    Rows = [R || P <- Progs, R <- rows(P, Quick)],
    Vms = [{erl, os:find_executable("erl")}, {girder, filename:absname(Girder)}],
    Base = baselines(Rows, Vms),
    io:format("~s mode, ~p runs per VM, erl (OTP ~s) vs ~s; load average ~s~n",
              [Mode, Runs, erlang:system_info(otp_release), Girder, loadavg()]),
    header(),
    Done = [print_row(measure(R, Vms, Runs, Base)) || R <- Rows],
    Geo = geomeans(Done),
    print_geomeans(Geo),
    io:format("load average at the end: ~s~n", [loadavg()]),
    ok = filelib:ensure_dir(?RESULTS ++ "/x"),
    write_json(?RESULTS ++ "/latest.json", Mode, Runs, Done, Geo),
    chart(Done, Geo, Mode),
    halt(0).

%% Other work on the machine skews the numbers: the table shows the load.
loadavg() ->
    case file:read_file("/proc/loadavg") of
        {ok, B} -> string:join(lists:sublist(string:lexemes(binary_to_list(B), " "), 3), " ");
        _ -> "unknown"
    end.

select(Progs, "") -> Progs;
select(Progs, Only) ->
    Names = string:lexemes(Only, ", "),
    [P || P = #{name := N} <- Progs, lists:member(N, Names)].

%% ---- program headers: "%% key: value" lines before -module
programs() ->
    Files = lists:sort(filelib:wildcard("bench/*.erl")),
    Ps = [parse(F) || F <- Files],
    [io:format("bench: skipping ~s: ~s~n", [F, Why]) || {skip, F, Why} <- Ps],
    Ok = [P || P = #{} <- Ps],
    lists:sort(fun(A, B) -> sort_key(A) =< sort_key(B) end, Ok).

sort_key(#{group := G, name := N}) ->
    {length(lists:takewhile(fun(X) -> X =/= G end, ?GROUPS)), N}.

parse(File) ->
    {ok, Bin} = file:read_file(File),
    Lines = string:split(binary_to_list(Bin), "\n", all),
    Kv = [{string:trim(K), string:trim(V)}
          || "%% " ++ L <- lists:takewhile(fun(L) -> not lists:prefix("-module", L) end, Lines),
             [K, V] <- [string:split(L, ":")],
             lists:member(string:trim(K), ["group", "args", "full", "quick", "flags",
                                           "time", "rss", "timeout"])],
    Get = fun(K, D) -> proplists:get_value(K, Kv, D) end,
    Name = filename:basename(File, ".erl"),
    case [K || K <- ["group", "args", "full", "quick"], Get(K, none) =:= none] of
        [] ->
            #{name => Name, group => Get("group", ""),
              args => string:lexemes(Get("args", ""), " "),
              full => alternatives(Get("full", "")),
              quick => alternatives(Get("quick", "")),
              flags => alternatives(Get("flags", "")),
              time => Get("time", "in-vm"),
              rss => Get("rss", none),
              timeout => list_to_integer(Get("timeout", "120"))};
        Missing ->
            {skip, File, "header lacks " ++ string:join(Missing, ", ")}
    end.

%% "a b | c d" -> [["a","b"], ["c","d"]]; "" -> [[]]
alternatives(S) -> [string:lexemes(A, " ") || A <- string:split(S, "|", all)].

rows(P = #{full := Full, quick := Q, flags := Flags, timeout := T}, Quick) ->
    Variants = case Quick of true -> Q; false -> Full end,
    [P#{argv => Argv, vmflags => Fl, limit => case Quick of true -> min(T, 30); false -> T end}
     || Argv <- Variants, Fl <- Flags].

%% ---- running one program once on one VM
run_once(Vm, #{name := Name, argv := Argv, vmflags := Flags, limit := Limit}) ->
    RssFile = ?OUT ++ "/rss." ++ os:getpid(),
    Args = ["-k", "5", integer_to_list(Limit), "/usr/bin/time", "-o", RssFile, "-f", "%M", Vm]
        ++ Flags ++ ["-noshell", "-pa", ?OUT, "-run", Name, "main"] ++ Argv
        ++ ["-s", "erlang", "halt"],
    _ = file:delete(RssFile),
    T0 = erlang:monotonic_time(microsecond),
    Port = open_port({spawn_executable, os:find_executable("timeout")},
                     [{args, Args}, exit_status, stderr_to_stdout, binary, hide]),
    {Status, Out} = collect(Port, []),
    Wall = erlang:monotonic_time(microsecond) - T0,
    Rss = read_rss(RssFile),
    outcome(Status, Out, Wall, Rss, Limit).

collect(Port, Acc) ->
    receive
        {Port, {data, D}} -> collect(Port, [D | Acc]);
        {Port, {exit_status, S}} -> {S, iolist_to_binary(lists:reverse(Acc))}
    end.

read_rss(File) ->
    case file:read_file(File) of
        {ok, B} ->
            Ls = [L || L <- string:lexemes(binary_to_list(B), "\n")],
            try list_to_integer(string:trim(lists:last(Ls))) catch _:_ -> 0 end;
        _ -> 0
    end.

outcome(Status, Out, Wall, Rss, Limit) ->
    Lines = [string:trim(L) || L <- string:split(binary_to_list(Out), "\n", all)],
    Result = first([R || "RESULT " ++ R <- Lines]),
    Time = int_or_none(first([T || "TIME_US " ++ T <- Lines])),
    Metrics = [metric(string:lexemes(M, " ")) || "METRIC " ++ M <- Lines],
    BadMetric = lists:member(bad, Metrics),
    Base = #{wall => Wall, rss_kb => Rss, out => Out},
    if
        Status =:= 124; Status =:= 137 ->
            Base#{status => failed, why => io_lib:format("timed out after ~p s", [Limit])};
        Status =/= 0 ->
            Base#{status => failed, why => io_lib:format("exit ~p: ~s", [Status, first_error(Lines)])};
        Result =:= none; Time =:= none ->
            Base#{status => failed, why => "no RESULT or TIME_US <integer> line: " ++ first_error(Lines)};
        BadMetric ->
            Base#{status => failed, why => "a METRIC line is not \"METRIC name number|n/a unit [info]\""};
        true ->
            Base#{status => ok, result => Result, time_us => Time, metrics => Metrics}
    end.

first([]) -> none;
first([X | _]) -> X.

%% The most telling line of a failed run: init's crash line or girder's own
%% message if there is one, else the first line that is not ours.
first_error(Lines) ->
    Other = [L || L <- Lines, L =/= "", not lists:prefix("RESULT", L),
                  not lists:prefix("TIME_US", L), not lists:prefix("METRIC", L),
                  not lists:prefix("Command exited", L), not lists:prefix("=ERROR REPORT", L),
                  not lists:prefix("Error in process", L)],
    Telling = [L || L <- Other, lists:prefix("{\"init terminating", L)
                                    orelse lists:prefix("girder", L)],
    case Telling ++ Other of
        [] -> "(no output)";
        ["{\"init terminating in do_boot\"," ++ Why | _] -> "init terminating: " ++ lists:sublist(Why, 140);
        [L | _] -> lists:sublist(L, 160)
    end.

int_or_none(none) -> none;
int_or_none(S) -> try list_to_integer(S) catch error:badarg -> none end.

metric([Name, V, Unit]) -> metric(Name, number(V), Unit, lower);
metric([Name, V, Unit, "info"]) -> metric(Name, number(V), Unit, info);
metric(_) -> bad.

metric(_, bad, _, _) -> bad;
metric(Name, V, Unit, Kind) -> {Name, V, Unit, Kind}.

number("n/a") -> n_a;
number(S) ->
    try list_to_float(S)
    catch error:badarg ->
            try float(list_to_integer(S)) catch error:badarg -> bad end
    end.

%% ---- one benchmark variant: Runs alternating runs, stopping at a failure
measure(Row, Vms, Runs, Base) ->
    measure(Row, Vms, Runs, Base, 1, []).

measure(Row, _Vms, Runs, Base, I, Acc) when I > Runs -> summarise(Row, lists:reverse(Acc), Base);
measure(Row, Vms, Runs, Base, I, Acc) ->
    Order = case I rem 2 of 1 -> Vms; 0 -> lists:reverse(Vms) end,
    Got = maps:from_list([{Tag, run_once(Path, Row)} || {Tag, Path} <- Order]),
    #{erl := E, girder := G} = Got,
    case {E, G} of
        {#{status := failed, why := W}, _} -> Row#{status => failed, why => "on erl: " ++ W};
        {_, #{status := failed, why := W}} -> Row#{status => failed, why => "on girder: " ++ W};
        {#{result := R}, #{result := R}} -> measure(Row, Vms, Runs, Base, I + 1, [Got | Acc]);
        {#{result := Re}, #{result := Rg}} ->
            Row#{status => wrong,
                 why => lists:flatten(io_lib:format("erl: ~s  girder: ~s",
                                                    [lists:sublist(Re, 70), lists:sublist(Rg, 70)]))}
    end.

summarise(Row = #{time := TimeKind}, Runs, Base) ->
    Times = fun(Tag) ->
                    [case TimeKind of "wall" -> W; _ -> T end
                     || #{Tag := #{time_us := T, wall := W}} <- Runs]
            end,
    Et = Times(erl), Gt = Times(girder),
    Row#{status => ok, erl_runs => Et, girder_runs => Gt,
         erl => median(Et), girder => median(Gt),
         erl_spread => spread(Et), girder_spread => spread(Gt),
         in_geomean => TimeKind =/= "info",
         metrics => metrics(Row, Runs, Base)}.

%% Metric rows: the program's, in its order, then the RSS ones if asked for.
metrics(Row, Runs, Base) ->
    Names = [{N, U, K} || {N, _, U, K} <- maps:get(metrics, maps:get(erl, hd(Runs)))],
    Prog = [{N, U, K, metric_median(erl, N, Runs), metric_median(girder, N, Runs)}
            || {N, U, K} <- Names],
    Prog ++ rss_metrics(Row, Runs, Base).

metric_median(Tag, Name, Runs) ->
    Vs = [V || #{Tag := #{metrics := Ms}} <- Runs, {N, V, _, _} <- Ms, N =:= Name],
    case lists:member(n_a, Vs) orelse Vs =:= [] of
        true -> n_a;
        false -> median(Vs)
    end.

rss_metrics(#{rss := none}, _, _) -> [];
rss_metrics(Row = #{rss := Arg}, Runs, Base) ->
    Rss = fun(Tag) -> median([R || #{Tag := #{rss_kb := R}} <- Runs]) end,
    Peak = {"peak_rss", "MB", info, Rss(erl) / 1024, Rss(girder) / 1024},
    case arg_value(Row, Arg) of
        none -> [Peak];
        N ->
            Flags = maps:get(vmflags, Row),
            Per = fun(Tag) -> (Rss(Tag) - maps:get({Tag, Flags}, Base)) * 1024 / N end,
            [Peak, {"rss_bytes_per_" ++ Arg, "bytes", lower, Per(erl), Per(girder)}]
    end.

arg_value(#{args := Names, argv := Argv}, Arg) ->
    case lists:keyfind(Arg, 1, lists:zip(Names, Argv)) of
        {_, V} -> list_to_integer(V);
        false -> none
    end.

%% The RSS (kB) of each VM started with a row's flags and stopped with next
%% to nothing to do (hello), for the rss_bytes_per_* metrics: #{{Vm, Flags} => kB}.
baselines(Rows, Vms) ->
    FlagSets = lists:usort([F || #{rss := A, vmflags := F} <- Rows, A =/= none, A =/= "-"]),
    maps:from_list([{{Tag, F}, median([maps:get(rss_kb, run_once(P, hello_row(F))) || _ <- [1, 2, 3]])}
                    || F <- FlagSets, {Tag, P} <- Vms]).

hello_row(Flags) -> #{name => "hello", argv => ["1"], vmflags => Flags, limit => 30}.

median(L) ->
    S = lists:sort(L),
    N = length(S),
    case N rem 2 of
        1 -> lists:nth((N + 1) div 2, S);
        0 -> (lists:nth(N div 2, S) + lists:nth(N div 2 + 1, S)) / 2
    end.

%% (max - min) / median, in percent.
spread(L) ->
    case median(L) of
        M when M > 0 -> 100 * (lists:max(L) - lists:min(L)) / M;
        _ -> 0.0
    end.

ratio(E, G) when is_number(E), is_number(G), E > 0, G > 0 -> G / E;
ratio(_, _) -> none.

%% ---- the table
%% Columns: group, benchmark, parameters, erl, girder, ratio, spread; padded
%% rather than cut, so a long name shifts its row instead of losing letters.
line(Cols) -> line(Cols, [-11, -16, -26, 12, 12, 7]).

%% A metric row: its name spans the benchmark and parameters columns.
metric_line(Cols) -> line(Cols, [-11, -43, 12, 12, 7]).

line(Cols, Ws) ->
    N = length(Ws),
    io:format("~ts~n", [string:trim([[pad(lists:flatten(C), W), " "]
                                     || {C, W} <- lists:zip(lists:sublist(Cols, N), Ws)]
                                    ++ [" ", lists:nthtail(N, Cols)], trailing)]).

pad(S, W) when W < 0 -> string:pad(S, -W, trailing);
pad(S, W) -> string:pad(S, W, leading).

header() ->
    line(["group", "benchmark", "parameters", "erl", "girder", "ratio",
                     "spread erl/girder"]),
    io:format("~s~n", [lists:duplicate(100, $-)]).

params(#{args := Names, argv := Argv, vmflags := Flags}) ->
    string:join([N ++ "=" ++ V || {N, V} <- lists:zip(Names, Argv)] ++
                    [string:join(Flags, " ") || Flags =/= []], " ").

print_row(Row = #{group := G, name := N}) ->
    P = params(Row),
    case Row of
        #{status := ok, erl := E, girder := Gi} ->
            line([G, N, P, ms(E), ms(Gi), fmt_ratio(ratio(E, Gi)),
                             io_lib:format("~p%/~p%~s",
                                           [round(maps:get(erl_spread, Row)), round(maps:get(girder_spread, Row)),
                                            case maps:get(in_geomean, Row) of
                                                true -> "";
                                                false -> "  (time: info)"
                                            end])]),
            [metric_line(["", "  " ++ Name ++ " (" ++ Unit ++ ")", value(Ev), value(Gv),
                   fmt_ratio(ratio(Ev, Gv)),
                   case Kind of info -> "(info)"; lower -> "" end])
             || {Name, Unit, Kind, Ev, Gv} <- maps:get(metrics, Row)];
        #{status := S, why := W} ->
            line([G, N, P, "", "", "", string:uppercase(atom_to_list(S)) ++ " "
                  ++ lists:sublist(lists:flatten(W), 140)])
    end,
    Row.

ms(Us) -> io_lib:format("~.1f ms", [Us / 1000]).
value(n_a) -> "n/a";
value(V) when V >= 100 -> integer_to_list(round(V));
value(V) -> io_lib:format("~.2f", [float(V)]).
fmt_ratio(none) -> "-";
fmt_ratio(R) when R < 0.1 -> io_lib:format("~.3f", [R]);
fmt_ratio(R) -> io_lib:format("~.2f", [R]).

%% ---- geometric means: time rows not marked info, and lower-is-better
%% metrics where both VMs gave a positive value; {Group, Label, Ratio} in
%% table order.
entries(Rows) ->
    [E || Row = #{status := ok} <- Rows, E <- row_entries(Row)].

row_entries(Row = #{group := G, name := N, erl := E, girder := Gi}) ->
    Label = N ++ " " ++ short_params(Row),
    [{G, Label, R} || maps:get(in_geomean, Row), R <- [ratio(E, Gi)], R =/= none]
        ++ [{G, Label ++ ": " ++ M, R} || {M, _, lower, Ev, Gv} <- maps:get(metrics, Row),
                                         R <- [ratio(Ev, Gv)], R =/= none].

%% The argument values and any +S flag: enough to tell a chart's bars apart.
short_params(#{argv := Argv, vmflags := Flags}) ->
    string:join([V || V <- Argv ++ [sched_flag(Flags)], V =/= ""], " ").

sched_flag(["+S", N | _]) -> "+S " ++ N;
sched_flag([_ | T]) -> sched_flag(T);
sched_flag([]) -> "".

%% {Group, Count, Mean, NotCounted} for every group that has a row; Mean is
%% none when no ratio could be counted.
geomeans(Rows) ->
    Es = entries(Rows),
    [{G, length(Rs), geomean(Rs), length([x || #{group := G1, status := S} <- Rows, G1 =:= G, S =/= ok])}
     || G <- ?GROUPS, lists:any(fun(#{group := G1}) -> G1 =:= G end, Rows),
        Rs <- [[R || {G1, _, R} <- Es, G1 =:= G]]].

geomean([]) -> none;
geomean(Rs) -> math:exp(lists:sum([math:log(R) || R <- Rs]) / length(Rs)).

print_geomeans(Geo) ->
    io:format("~s~ngeometric mean of ratios girder/erl (lower is better):~n",
              [lists:duplicate(100, $-)]),
    [io:format("  ~-11s ~6s  over ~p ratios~s~n",
               [G, fmt_ratio(M), N, case F of 0 -> ""; _ -> io_lib:format(" (~p benchmarks failed or wrong, not counted)", [F]) end])
     || {G, N, M, F} <- Geo].

%% ---- JSON
write_json(File, Mode, Runs, Rows, Geo) ->
    Doc = #{mode => Mode, runs => Runs, otp_release => erlang:system_info(otp_release),
            girder_commit => string:trim(os:cmd("git rev-parse --short HEAD 2>/dev/null")),
            date => calendar:system_time_to_rfc3339(erlang:system_time(second)),
            geomean => maps:from_list([{G, #{ratio => M, count => N, not_counted => F}}
                                       || {G, N, M, F} <- Geo]),
            benchmarks => [json_row(R) || R <- Rows]},
    ok = file:write_file(File, [json(Doc), $\n]).

json_row(Row) ->
    Common = #{group => maps:get(group, Row), benchmark => maps:get(name, Row),
               params => params(Row), args => maps:get(argv, Row),
               vm_flags => maps:get(vmflags, Row), status => maps:get(status, Row)},
    case Row of
        #{status := ok, erl := E, girder := G} ->
            Common#{erl_us => E, girder_us => G, ratio => ratio(E, G),
                    erl_runs_us => maps:get(erl_runs, Row), girder_runs_us => maps:get(girder_runs, Row),
                    erl_spread_pct => maps:get(erl_spread, Row),
                    girder_spread_pct => maps:get(girder_spread, Row),
                    time_in_geomean => maps:get(in_geomean, Row),
                    metrics => [#{name => N, unit => U, kind => K, erl => Ev, girder => Gv,
                                  ratio => ratio(Ev, Gv)}
                                || {N, U, K, Ev, Gv} <- maps:get(metrics, Row)]};
        #{why := W} -> Common#{reason => lists:flatten(W)}
    end.

json(M) when is_map(M) ->
    [${, lists:join($,, [[json(key(K)), $:, json(V)] || {K, V} <- lists:sort(maps:to_list(M))]), $}];
json(L) when is_list(L) ->
    case io_lib:printable_list(L) of
        true when L =/= [] -> json_str(L);
        _ -> [$[, lists:join($,, [json(X) || X <- L]), $]]
    end;
json(none) -> "null";
json(n_a) -> "null";
json(true) -> "true";
json(false) -> "false";
json(A) when is_atom(A) -> json_str(atom_to_list(A));
json(I) when is_integer(I) -> integer_to_list(I);
json(F) when is_float(F) -> float_to_list(F, [{decimals, 4}, compact]).

key(K) when is_atom(K) -> atom_to_list(K);
key(K) -> K.

json_str(S) ->
    [$", [case C of $" -> "\\\""; $\\ -> "\\\\"; $\n -> "\\n"; C when C < 32 -> " "; C -> C end
          || C <- S], $"].

%% ---- the chart: one bar per ratio in the geometric means, drawn from 1
%% (up: girder slower or bigger; down: girder better), log scale, one colour
%% per group.
chart(Rows, Geo, Mode) ->
    case os:find_executable("gnuplot") of
        false ->
            io:format("no chart: gnuplot is not installed "
                      "(as root: apt-get install gnuplot-nox, or run make bench as root)~n");
        Gp ->
            Es = lists:zip(lists:seq(1, length(entries(Rows))), entries(Rows)),
            Groups = [G || G <- ?GROUPS, lists:keymember(G, 1, [E || {_, E} <- Es])],
            Dat = ?OUT ++ "/chart.dat",
            ok = file:write_file(Dat, [[[io_lib:format("~p \"~s\" ~.4f~n", [I, N, R])
                                         || {I, {G1, N, R}} <- Es, G1 =:= G], "\n\n"]
                                       || G <- Groups]),
            Png = ?RESULTS ++ "/latest.png",
            Script = ?OUT ++ "/chart.gp",
            Rs = [R || {_, {_, _, R}} <- Es],
            ok = file:write_file(Script, gnuplot_script(Dat, Png, Geo, Mode, Groups, Rs)),
            case os:cmd(Gp ++ " " ++ Script ++ " 2>&1") of
                "" -> io:format("chart: ~s, table: ~s/latest.json~n", [Png, ?RESULTS]);
                Err -> io:format("gnuplot failed: ~s~n", [Err])
            end
    end.

gnuplot_script(_, _, _, _, [], _) -> "";
gnuplot_script(Dat, Png, Geo, Mode, Groups, Rs) ->
    Title = string:join([io_lib:format("~s ~s", [G, fmt_ratio(M)]) || {G, _, M, _} <- Geo], ",  "),
    Colors = #{"sequential" => "#3b6fb6", "processes" => "#d1762c",
               "memory" => "#4a9a4a", "startup" => "#888888"},
    Bars = [io_lib:format("'~s' index ~p using 1:3:($1-0.4):($1+0.4):($3<1?$3:1):($3<1?1:$3):xtic(2)"
                          " with boxxyerror fs solid 0.8 lc rgb '~s' title '~s'",
                          [Dat, I - 1, maps:get(G, Colors), G])
            || {I, G} <- lists:zip(lists:seq(1, length(Groups)), Groups)],
    io_lib:format(
      "set terminal pngcairo size ~p,760 font 'sans,9'~n"
      "set output '~s'~n"
      "set title \"girder / erl ratios, ~s mode (below 1: girder faster or smaller)\\n"
      "geometric means: ~s\"~n"
      "set logscale y 2~n"
      "set yrange [~f:~f]~n"
      "set xrange [0:~p]~n"
      "set ylabel 'ratio girder/erl (log scale)'~n"
      "set xtics rotate by -60 left noenhanced~n"
      "set grid ytics~n"
      "set bmargin 24~n"
      "set key outside top center horizontal~n"
      "set arrow from graph 0, first 1 to graph 1, first 1 nohead lw 2 lc rgb 'black'~n"
      "plot ~s~n",
      [max(900, 120 + 30 * length(Rs)), Png, Mode, Title,
       min(lists:min(Rs), 1.0) / 1.6, max(lists:max(Rs), 1.0) * 1.6, length(Rs) + 1,
       lists:join(", \\\n     ", Bars)]).
