from bastion.routing.signals import parse_engine_metrics

VLLM = """\
# HELP vllm:num_requests_running Number of requests in model execution batches.
# TYPE vllm:num_requests_running gauge
vllm:num_requests_running{engine="0",model_name="llama"} 7.0
# HELP vllm:num_requests_waiting Number of requests waiting to be processed.
# TYPE vllm:num_requests_waiting gauge
vllm:num_requests_waiting{engine="0",model_name="llama"} 3.0
vllm:num_requests_waiting{engine="1",model_name="llama"} 2.0
# TYPE vllm:kv_cache_usage_perc gauge
vllm:kv_cache_usage_perc{engine="0",model_name="llama"} 0.41
vllm:kv_cache_usage_perc{engine="1",model_name="llama"} 0.63
# TYPE vllm:generation_tokens counter
vllm:generation_tokens_total{engine="0",model_name="llama"} 1234.0
vllm:generation_tokens_created{engine="0",model_name="llama"} 1.7e9
# TYPE vllm:time_to_first_token_seconds histogram
vllm:time_to_first_token_seconds_bucket{le="0.001",model_name="llama"} 0.0
"""


def test_vllm_signals_are_summed_or_maxed_across_engines() -> None:
    sample = parse_engine_metrics(VLLM)
    assert sample is not None
    assert sample.waiting == 5.0
    assert sample.running == 7.0
    assert sample.kv_usage == 0.63
    assert sample.generated == 1234.0


def test_older_vllm_name_for_kv_cache_usage() -> None:
    sample = parse_engine_metrics('vllm:gpu_cache_usage_perc{model_name="m"} 0.9\n')
    assert sample is not None
    assert sample.kv_usage == 0.9
    assert sample.generated is None


def test_sglang_names() -> None:
    text = (
        'sglang:num_queue_reqs{model_name="m"} 4\n'
        'sglang:num_running_reqs{model_name="m"} 9\n'
        'sglang:token_usage{model_name="m"} 0.5\n'
    )
    sample = parse_engine_metrics(text)
    assert sample is not None
    assert (sample.waiting, sample.running, sample.kv_usage) == (4, 9, 0.5)


def test_tgi_names() -> None:
    text = (
        "# TYPE tgi_queue_size gauge\n"
        "tgi_queue_size 6\n"
        "# TYPE tgi_batch_current_size gauge\n"
        "tgi_batch_current_size 32\n"
        "# TYPE tgi_request_generated_tokens histogram\n"
        'tgi_request_generated_tokens_bucket{le="+Inf"} 40\n'
        "tgi_request_generated_tokens_sum 5120\n"
        "tgi_request_generated_tokens_count 40\n"
        "tgi_request_count 41\n"
    )
    sample = parse_engine_metrics(text)
    assert sample is not None
    assert (sample.waiting, sample.running, sample.generated) == (6, 32, 5120)
    assert sample.kv_usage == 0.0  # TGI does not say


def test_llama_cpp_names() -> None:
    text = (
        "# HELP llamacpp:prompt_tokens_total Number of prompt tokens processed.\n"
        "# TYPE llamacpp:prompt_tokens_total counter\n"
        "llamacpp:prompt_tokens_total 33065\n"
        "# TYPE llamacpp:tokens_predicted_total counter\n"
        "llamacpp:tokens_predicted_total 7801\n"
        "# TYPE llamacpp:kv_cache_usage_ratio gauge\n"
        "llamacpp:kv_cache_usage_ratio 0.25\n"
        "# TYPE llamacpp:requests_processing gauge\n"
        "llamacpp:requests_processing 4\n"
        "# TYPE llamacpp:requests_deferred gauge\n"
        "llamacpp:requests_deferred 2\n"
    )
    sample = parse_engine_metrics(text)
    assert sample is not None
    assert (sample.waiting, sample.running, sample.kv_usage) == (2, 4, 0.25)
    assert sample.generated == 7801


def test_an_exposition_without_engine_signals() -> None:
    assert parse_engine_metrics("process_cpu_seconds_total 12.5\n") is None
    assert parse_engine_metrics("") is None


def test_kv_cache_size_from_vllm_cache_info_and_sglang() -> None:
    info = (
        "# TYPE vllm:cache_config_info gauge\n"
        'vllm:cache_config_info{block_size="16",cache_dtype="auto",num_gpu_blocks="2048"} 1.0\n'
        'vllm:num_requests_running{model_name="m"} 1\n'
    )
    sample = parse_engine_metrics(info)
    assert sample is not None
    assert sample.kv_tokens == 32768.0
    sglang = parse_engine_metrics('sglang:max_total_num_tokens{model_name="m"} 500000\n')
    assert sglang is not None
    assert sglang.kv_tokens == 500000.0
    assert parse_engine_metrics(VLLM).kv_tokens is None  # type: ignore[union-attr]
