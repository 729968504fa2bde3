/* test_list.h -- every engine test, once: the runner's table and CMake's ctest entries
 * (tests/engine/CMakeLists.txt reads the names off the lines below) both come from here. */
#ifndef LS_TEST_LIST_H
#define LS_TEST_LIST_H

#define ENGINE_TESTS(X)                                                                        \
  /* test_loop.c */                                                                            \
  X(fifo_first_steps)                                                                          \
  X(fifo_callbacks_interleave)                                                                 \
  X(fifo_new_arrivals_wait)                                                                    \
  X(ready_queue_growth)                                                                        \
  X(run_modes)                                                                                 \
  X(loop_stop_finishes_iteration)                                                              \
  X(run_until_done_stops)                                                                      \
  X(run_until_done_deadlock)                                                                   \
  X(run_until_time)                                                                            \
  X(limit_max_time)                                                                            \
  X(limit_max_handles)                                                                         \
  X(debug_slow_hook)                                                                           \
  X(loop_block_moves_clock)                                                                    \
  X(two_loops_side_by_side)                                                                    \
  /* test_timer.c */                                                                           \
  X(timer_ties_fifo)                                                                           \
  X(timer_earlier_deadline_first)                                                              \
  X(timer_negative_delay_first)                                                                \
  X(timer_cancel)                                                                              \
  X(timer_cancel_same_iteration)                                                               \
  X(timer_heap_order)                                                                          \
  X(sleep_wakes_next_iteration)                                                                \
  X(virtual_clock_jumps)                                                                       \
  /* test_future.c */                                                                          \
  X(fut_callbacks_in_order)                                                                    \
  X(fut_callbacks_separate_handles)                                                            \
  X(fut_callback_on_done_future)                                                               \
  X(fut_remove_callback)                                                                       \
  X(fut_resolve_twice)                                                                         \
  X(fut_cancel)                                                                                \
  X(fut_ids_and_kinds)                                                                         \
  X(fut_cancel_host_kinds)                                                                     \
  /* test_task.c */                                                                            \
  X(task_await_future)                                                                         \
  X(task_await_done_future)                                                                    \
  X(task_await_task)                                                                           \
  X(task_await_task_error)                                                                     \
  X(task_cancel_sleeping)                                                                      \
  X(task_cancel_not_started)                                                                   \
  X(task_cancel_yielding)                                                                      \
  X(task_cancel_awaiting_future)                                                               \
  X(task_cancel_awaiting_task)                                                                 \
  X(task_cancel_done)                                                                          \
  X(task_cancel_self_then_return)                                                              \
  X(task_cancel_self_then_sleep)                                                               \
  X(task_cancel_with_wakeup_pending)                                                           \
  X(task_names_and_alive_list)                                                                 \
  X(task_current)                                                                              \
  /* test_trace.c */                                                                           \
  X(trace_record_size)                                                                         \
  X(trace_intern_roundtrip)                                                                    \
  X(trace_chunks_stable)                                                                       \
  X(trace_hash)                                                                                \
  X(trace_names_and_errors)                                                                    \
  X(trace_simple_program)                                                                      \
  X(trace_deterministic)                                                                       \
  /* test_trace_big.c */                                                                       \
  X(trace_big_roundtrip)                                                                       \
  X(trace_big_two_interleaved)                                                                 \
  X(trace_big_hash_equal)                                                                      \
  X(trace_big_helper_lifetime)                                                                 \
  /* test_fold.c */                                                                            \
  X(fold_same_records)                                                                         \
  X(fold_not_after_read)                                                                       \
  X(fold_not_over_other_records)                                                               \
  /* test_idle.c */                                                                            \
  X(idle_real_clock_waits)                                                                     \
  X(idle_virtual_clock_jumps)

#endif
