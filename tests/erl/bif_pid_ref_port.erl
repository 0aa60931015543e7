-module(bif_pid_ref_port).
-export([main/0]).

%% pid_to_list/list_to_pid, ref_to_list/list_to_ref, port_to_list/list_to_port:
%% the printed forms, round trips and every kind of malformed input.

main() ->
    Pids = ["<0.5.0>", "<0.0.0>", "<00.05.00>", "<0.32767.0>", "<0.18446744073709551621.0>",
            "<1.2.3>", "<0.5>", "<0.5.0", "0.5.0>", " <0.5.0>", "<0.5.0> ", "<0. 5.0>",
            "<0.-5.0>", "<0.5.8192>", "<0.5.4294967296>", "<>", "", "<0.a.0>", "<0..0>",
            "<0.1.2.3>", [$<, $0, $., $1 | x], [$<, $0, $., 256, $., $0, $>], <<"<0.5.0>">>, x,
            "<0.5.0>" ++ lists:duplicate(60, $ )],
    [io:format("~p -> ~p~n", [S, t(fun() -> list_to_pid(S) end)]) || S <- Pids],
    P = list_to_pid("<0.5.0>"),
    io:format("~p ~p ~p~n", [pid_to_list(P), P =:= list_to_pid("<0.5.0>"), is_pid(P)]),
    Self = self(),
    io:format("~p~n", [list_to_pid(pid_to_list(Self)) =:= Self]),
    io:format("~p~n", [[t(fun() -> pid_to_list(X) end) || X <- [x, "<0.5.0>", make_ref(), 1]]]),
    Refs = ["#Ref<0.1.1.3>", "#Ref<0.0.0.0>", "#Ref<0.4294967295.4294901760.262143>", "#Ref<0.1.0.3>",
            "#Ref<0.1.1.262144>", "#Ref<0.4294967296.0.0>", "#Ref<0.1.1.3.4>", "#Ref<0.1.2>",
            "#Ref<0.1>", "#Ref<0>", "#Ref<>", "#Ref<0.1.1.3.4.5.6>", "#Ref<1.1.2.3>", "#Ref<0.1.1.3",
            "#ref<0.1.1.3>", "#Ref<0.1.1.3> ", "Ref<0.1.2.3>", "#Ref<0..2.3>", x, <<"#Ref<0.1.1.3>">>],
    [io:format("~p -> ~p~n", [S, t(fun() -> ref_to_list(list_to_ref(S)) end)]) || S <- Refs],
    R = list_to_ref("#Ref<0.1.1.3>"),
    io:format("~p~n", [{is_reference(R), R =:= list_to_ref("#Ref<0.1.1.3>"), R =:= make_ref()}]),
    io:format("~p~n", [[t(fun() -> ref_to_list(X) end) || X <- [x, "#Ref<0.1.1.3>", self()]]]),
    Ports = ["#Port<0.5>", "#Port<0.0>", "#Port<0.268435455>", "#Port<0.268435456>",
             "#Port<0.18446744073709551616>", "#Port<0.18446744073709551621>", "#Port<1.5>",
             "#Port<0.5", "#Port<0.5.0>", "#Port<.5>", "#port<0.5>", "#Port<0.5> ", x],
    [io:format("~p -> ~p~n", [S, t(fun() -> port_to_list(list_to_port(S)) end)]) || S <- Ports],
    Port = list_to_port("#Port<0.7>"),
    io:format("~p~n", [{is_port(Port), Port =:= list_to_port("#Port<0.7>")}]),
    io:format("~p~n", [[t(fun() -> port_to_list(X) end) || X <- [x, "#Port<0.5>", self()]]]),
    ok.

t(F) -> try F() catch C:Rs -> {C, Rs} end.
